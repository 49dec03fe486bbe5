package dev.gofer.events;

/**
 * The task run could not run: {@code reason} with a human-readable {@code message} (never containing secret values).
 * Topic {@link Topics#TASK_RUN_STATUS}; {@code reporter} is the service or worker that gave up.
 */
public record TaskRunFailed(TaskRunRef taskRun, int attempt, FailureReason reason, String message, String reporter)
        implements
            TaskRunEvent {

    public static final String TYPE = "task-run.failed";

    public TaskRunFailed {
        Require.present(taskRun, "task_run");
        Require.present(reason, "reason");
        message = message == null ? "" : message;
        reporter = reporter == null ? "" : reporter;
    }
}
