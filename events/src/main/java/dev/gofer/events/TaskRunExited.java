package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The container exited with {@code exitCode}; it wrote {@code logLines} lines in all (sequence numbers
 * {@code 1..logLines} on {@link Topics#TASK_RUN_LOGS}). {@code timedOut}: the worker stopped it because it ran longer
 * than its {@code timeout_seconds}. {@code containerId}: the container that exited (absent from older workers), so
 * api-service can tell the attempt's container from a second one started by mistake. Topic
 * {@link Topics#TASK_RUN_STATUS}.
 */
public record TaskRunExited(TaskRunRef taskRun, int attempt, String workerId, int exitCode, long logLines,
        Boolean timedOut, @JsonInclude(JsonInclude.Include.NON_NULL) String containerId)
        implements
            TaskRunEvent {

    public static final String TYPE = "task-run.exited";

    public TaskRunExited {
        Require.present(taskRun, "task_run");
        Require.text(workerId, "worker_id");
        timedOut = Boolean.TRUE.equals(timedOut);
    }

    /** An exit reported without its container id. */
    public TaskRunExited(TaskRunRef taskRun, int attempt, String workerId, int exitCode, long logLines,
            Boolean timedOut) {
        this(taskRun, attempt, workerId, exitCode, logLines, timedOut, null);
    }

    /** An exit on its own (not timed out). */
    public TaskRunExited(TaskRunRef taskRun, int attempt, String workerId, int exitCode, long logLines) {
        this(taskRun, attempt, workerId, exitCode, logLines, false);
    }
}
