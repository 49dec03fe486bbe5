package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A command to the worker holding this task-run attempt: stop its container (SIGTERM, then SIGKILL after
 * {@code graceSeconds}). Every worker reads {@link Topics#TASK_RUNS_CANCEL} in a consumer group of its own; the one
 * that holds the container stops it and reports the exit as usual. A worker that has not started the attempt yet
 * must not start it. With {@code containerId} only that container of the attempt is stopped (the fence of a second
 * container of the current attempt); without it, every container of the attempt.
 */
public record TaskRunCancel(TaskRunRef taskRun, int attempt, int graceSeconds, String reason,
        @JsonInclude(JsonInclude.Include.NON_NULL) String containerId)
        implements
            TaskRunEvent {

    public static final String TYPE = "task-run.cancel";

    public TaskRunCancel {
        Require.present(taskRun, "task_run");
        if (graceSeconds < 0) {
            throw new InvalidEventException("field 'grace_seconds' must be >= 0");
        }
        reason = reason == null ? "" : reason;
        containerId = containerId == null || containerId.isBlank() ? null : containerId;
    }

    /** A cancel of every container of the attempt. */
    public TaskRunCancel(TaskRunRef taskRun, int attempt, int graceSeconds, String reason) {
        this(taskRun, attempt, graceSeconds, reason, null);
    }
}
