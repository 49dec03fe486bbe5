package dev.gofer.events;

import java.util.List;

/**
 * A task run with every reference resolved, ready for a worker. Secret-derived values are sealed ({@link EnvVar}).
 * Topic {@link Topics#TASK_RUNS_READY}; workers share it in one consumer group.
 */
public record TaskRunReady(TaskRunRef taskRun, int attempt, String image, List<String> entrypoint,
        List<String> command, List<EnvVar> env, RegistryAuth registryAuth, PullPolicy pullPolicy,
        TaskControls controls)
        implements
            TaskRunEvent {

    public static final String TYPE = "task-run.ready";

    public TaskRunReady {
        Require.present(taskRun, "task_run");
        Require.text(image, "image");
        entrypoint = Require.list(entrypoint);
        command = Require.list(command);
        env = Require.list(env);
        Require.noNulls(env, "env");
        pullPolicy = pullPolicy == null ? PullPolicy.IF_NOT_PRESENT : pullPolicy;
        controls = TaskControls.orNone(controls);
        if (attempt < 1) {
            throw new InvalidEventException("field 'attempt' must be >= 1");
        }
    }

    /** Without controls: the worker's defaults. */
    public TaskRunReady(TaskRunRef taskRun, int attempt, String image, List<String> entrypoint, List<String> command,
            List<EnvVar> env, RegistryAuth registryAuth, PullPolicy pullPolicy) {
        this(taskRun, attempt, image, entrypoint, command, env, registryAuth, pullPolicy, TaskControls.NONE);
    }
}
