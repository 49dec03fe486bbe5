package dev.gofer.events;

import java.util.List;

/**
 * A task run assembled by api-service (image, command, environment stacked system &lt; config &lt; run), whose
 * whole-value references ({@code pipeline_secret{{k}}}, {@code pipeline_object{{k}}}, ...) store-service resolves.
 * Topic {@link Topics#TASK_RUNS_RESOLVE}.
 */
public record TaskRunToResolve(TaskRunRef taskRun, int attempt, String image, List<String> entrypoint,
        List<String> command, List<Variable> variables, RegistryAuth registryAuth, PullPolicy pullPolicy,
        TaskControls controls)
        implements
            TaskRunEvent {

    public static final String TYPE = "task-run.to-resolve";

    public TaskRunToResolve {
        Require.present(taskRun, "task_run");
        Require.text(image, "image");
        entrypoint = Require.list(entrypoint);
        command = Require.list(command);
        variables = Require.list(variables);
        Require.noNulls(variables, "variables");
        pullPolicy = pullPolicy == null ? PullPolicy.IF_NOT_PRESENT : pullPolicy;
        controls = TaskControls.orNone(controls);
        if (attempt < 1) {
            throw new InvalidEventException("field 'attempt' must be >= 1");
        }
    }

    /** Without controls: the worker's defaults. */
    public TaskRunToResolve(TaskRunRef taskRun, int attempt, String image, List<String> entrypoint,
            List<String> command, List<Variable> variables, RegistryAuth registryAuth, PullPolicy pullPolicy) {
        this(taskRun, attempt, image, entrypoint, command, variables, registryAuth, pullPolicy, TaskControls.NONE);
    }
}
