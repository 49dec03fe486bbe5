package dev.gofer.sdk;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * One execution of one task within a run.
 *
 * @param namespaceId the namespace
 * @param pipelineId the pipeline
 * @param runId the run
 * @param taskId the task
 * @param attempt 1 for the first attempt
 * @param image the image it runs
 * @param state waiting, processing, running or complete
 * @param status how it ended ({@code unknown} until it has)
 * @param statusReason why it ended so, or {@code null}
 * @param exitCode the container's exit code, or {@code null} when it did not exit (yet)
 * @param created epoch milliseconds (0 = not set)
 * @param started epoch milliseconds (0 = not yet)
 * @param ended epoch milliseconds (0 = not yet)
 * @param workerId the scheduler worker that ran it, or {@code null}
 * @param variables the container's environment (secrets stay references)
 * @param logs how much of the current attempt's log is stored
 * @param retryAt epoch milliseconds when a task run waiting for a retry gets its next attempt (0 = not waiting for a
 *        retry)
 * @param attempts every attempt in order, the last one being the current attempt (empty if the API did not send them)
 */
public record TaskRun(String namespaceId, String pipelineId, long runId, String taskId, int attempt, String image,
        TaskRunState state, TaskRunStatus status, StatusReason statusReason, Integer exitCode, long created,
        long started, long ended, String workerId, List<Variable> variables, LogStatus logs, long retryAt,
        List<TaskRunAttempt> attempts) {

    public TaskRun {
        state = state == null ? TaskRunState.UNKNOWN : state;
        status = status == null ? TaskRunStatus.UNKNOWN : status;
        variables = variables == null ? List.of() : List.copyOf(variables);
        logs = logs == null ? new LogStatus(0, false) : logs;
        attempts = attempts == null ? List.of() : List.copyOf(attempts);
    }

    /** Whether the task run has finished (state {@code complete}). */
    @JsonIgnore
    public boolean finished() {
        return state == TaskRunState.COMPLETE;
    }
}
