package dev.gofer.sdk;

/**
 * One attempt of a task run. A task run's {@link TaskRun#attempts() attempts} list every attempt in order; the last one
 * is the current attempt (as the task run itself shows it, status {@code unknown} while it runs), earlier ones ended
 * {@code failed} with the reason they were retried for (e.g. {@code abnormal_exit}, {@code worker_lost}).
 *
 * @param attempt 1 for the first attempt
 * @param workerId the scheduler worker that ran it, or {@code null}
 * @param exitCode the container's exit code, or {@code null} when it did not exit (yet)
 * @param status how it ended ({@code unknown} until it has)
 * @param statusReason why it ended so, or {@code null}
 * @param started epoch milliseconds (0 = not yet)
 * @param ended epoch milliseconds (0 = not yet)
 */
public record TaskRunAttempt(int attempt, String workerId, Integer exitCode, TaskRunStatus status,
        StatusReason statusReason, long started, long ended) {

    public TaskRunAttempt {
        status = status == null ? TaskRunStatus.UNKNOWN : status;
    }
}
