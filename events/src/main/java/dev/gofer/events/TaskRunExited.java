package dev.gofer.events;

/**
 * The container exited with {@code exitCode}; it wrote {@code logLines} lines in all (sequence numbers
 * {@code 1..logLines} on {@link Topics#TASK_RUN_LOGS}). Topic {@link Topics#TASK_RUN_STATUS}.
 */
public record TaskRunExited(TaskRunRef taskRun, int attempt, String workerId, int exitCode, long logLines)
        implements
            TaskRunEvent {

    public static final String TYPE = "task-run.exited";

    public TaskRunExited {
        Require.present(taskRun, "task_run");
        Require.text(workerId, "worker_id");
    }
}
