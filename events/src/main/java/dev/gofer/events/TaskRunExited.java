package dev.gofer.events;

/**
 * The container exited with {@code exitCode}; it wrote {@code logLines} lines in all (sequence numbers
 * {@code 1..logLines} on {@link Topics#TASK_RUN_LOGS}). {@code timedOut}: the worker stopped it because it ran longer
 * than its {@code timeout_seconds}. Topic {@link Topics#TASK_RUN_STATUS}.
 */
public record TaskRunExited(TaskRunRef taskRun, int attempt, String workerId, int exitCode, long logLines,
        Boolean timedOut)
        implements
            TaskRunEvent {

    public static final String TYPE = "task-run.exited";

    public TaskRunExited {
        Require.present(taskRun, "task_run");
        Require.text(workerId, "worker_id");
        timedOut = Boolean.TRUE.equals(timedOut);
    }

    /** An exit on its own (not timed out). */
    public TaskRunExited(TaskRunRef taskRun, int attempt, String workerId, int exitCode, long logLines) {
        this(taskRun, attempt, workerId, exitCode, logLines, false);
    }
}
