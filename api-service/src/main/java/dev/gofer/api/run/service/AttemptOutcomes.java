package dev.gofer.api.run.service;

import dev.gofer.api.pipeline.persistence.TaskConfig;
import dev.gofer.api.pipeline.persistence.TaskConfig.RetryConfig;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRunStatus;

/**
 * What the end of an attempt means for its task run, by the task's retry policy (no database, no clock): the task run
 * completes, or it gets another attempt after a backoff.
 */
public final class AttemptOutcomes {

    private AttemptOutcomes() {
    }

    /** What follows an attempt. */
    public sealed interface Outcome {
    }

    /** The task run ends with this status. */
    public record Complete(TaskRunStatus status, StatusReason reason, String description) implements Outcome {
    }

    /** The attempt ends failed with {@code reason}, and the next one is dispatched after {@code backoffMillis}. */
    public record Retry(StatusReason reason, String description, long backoffMillis) implements Outcome {
    }

    /**
     * The container exited: cancelled if a stop was asked for, failed with {@code timeout} if the worker stopped it at
     * its time limit, successful with code 0; any other code is retried as a new attempt after the backoff when the
     * retry policy allows ({@code exitRetries} exit-code retries so far), and fails the task run otherwise.
     */
    public static Outcome afterExit(TaskConfig task, int attempt, int exitRetries, boolean cancelRequested,
            boolean timedOut, int exitCode) {
        RetryConfig retry = task.retryPolicy();
        if (cancelRequested) {
            return new Complete(TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED,
                    "cancelled by user; the container exited with code " + exitCode);
        }
        if (timedOut) {
            return new Complete(TaskRunStatus.FAILED, StatusReason.TIMEOUT, "the task ran longer than its time limit"
                    + (task.timeoutSeconds() == null ? "" : " of " + task.timeoutSeconds() + " s")
                    + " and was stopped (exit code " + exitCode + ")");
        }
        if (exitCode == 0) {
            return new Complete(TaskRunStatus.SUCCESSFUL, null, null);
        }
        if (retry.retriesExit(exitCode, exitRetries)) {
            int retryNumber = exitRetries + 1;
            long backoff = retry.backoffMillis(retryNumber);
            return new Retry(StatusReason.ABNORMAL_EXIT, "task exited with code " + exitCode + "; retry " + retryNumber
                    + " of " + (retry.maxAttempts() - 1) + " follows after " + backoff / 1000 + " s", backoff);
        }
        return new Complete(TaskRunStatus.FAILED, StatusReason.ABNORMAL_EXIT,
                "task exited with code " + exitCode + (attempt > 1 ? " on attempt " + attempt : ""));
    }

    /**
     * The worker of a running attempt stopped renewing its lease ({@code description} says which and since when): the
     * task run is retried at once while {@code on_worker_lost} retries remain ({@code workerLostRetries} so far), and
     * fails with {@code worker_lost} otherwise, or ends cancelled if a stop had been asked for.
     */
    public static Outcome afterWorkerLost(TaskConfig task, int workerLostRetries, boolean cancelRequested,
            String description) {
        if (cancelRequested) {
            return new Complete(TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED,
                    "cancelled by user; " + description);
        }
        if (workerLostRetries < task.retryPolicy().onWorkerLost()) {
            return new Retry(StatusReason.WORKER_LOST, description, 0);
        }
        return new Complete(TaskRunStatus.FAILED, StatusReason.WORKER_LOST, description);
    }
}
