package dev.gofer.api.run.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.api.pipeline.persistence.TaskConfig;
import dev.gofer.api.pipeline.persistence.TaskConfig.RetryConfig;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRunStatus;
import dev.gofer.api.run.service.AttemptOutcomes.Complete;
import dev.gofer.api.run.service.AttemptOutcomes.Retry;
import dev.gofer.events.PullPolicy;

/** The retry policy on its own: what the end of an attempt means for its task run. */
class AttemptOutcomesTest {

    private static final TaskConfig NO_RETRY = task(null);
    private static final TaskConfig THREE_ATTEMPTS_ON_CODE_3 = task(new RetryConfig(3, 2, List.of(3), 2));

    @Test
    void exitZeroSucceeds() {
        assertThat(AttemptOutcomes.afterExit(NO_RETRY, 1, 0, false, false, 0))
                .isEqualTo(new Complete(TaskRunStatus.SUCCESSFUL, null, null));
    }

    @Test
    void aStopAskedForWinsOverTheExitCode() {
        assertThat(AttemptOutcomes.afterExit(THREE_ATTEMPTS_ON_CODE_3, 1, 0, true, false, 3))
                .isEqualTo(new Complete(TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED,
                        "cancelled by user; the container exited with code 3"));
    }

    @Test
    void aTimeoutFailsWithoutRetry() {
        assertThat(AttemptOutcomes.afterExit(THREE_ATTEMPTS_ON_CODE_3, 1, 0, false, true, 3))
                .isInstanceOfSatisfying(Complete.class, c -> {
                    assertThat(c.status()).isEqualTo(TaskRunStatus.FAILED);
                    assertThat(c.reason()).isEqualTo(StatusReason.TIMEOUT);
                });
    }

    @Test
    void aRetryableCodeIsRetriedWithADoublingBackoffUntilAttemptsRunOut() {
        assertThat(AttemptOutcomes.afterExit(THREE_ATTEMPTS_ON_CODE_3, 1, 0, false, false, 3))
                .isEqualTo(new Retry(StatusReason.ABNORMAL_EXIT,
                        "task exited with code 3; retry 1 of 2 follows after 2 s", 2000));
        assertThat(AttemptOutcomes.afterExit(THREE_ATTEMPTS_ON_CODE_3, 2, 1, false, false, 3))
                .isEqualTo(new Retry(StatusReason.ABNORMAL_EXIT,
                        "task exited with code 3; retry 2 of 2 follows after 4 s", 4000));
        assertThat(AttemptOutcomes.afterExit(THREE_ATTEMPTS_ON_CODE_3, 3, 2, false, false, 3))
                .isEqualTo(new Complete(TaskRunStatus.FAILED, StatusReason.ABNORMAL_EXIT,
                        "task exited with code 3 on attempt 3"));
    }

    @Test
    void aCodeOutsideTheListFailsAtOnce() {
        assertThat(AttemptOutcomes.afterExit(THREE_ATTEMPTS_ON_CODE_3, 1, 0, false, false, 1))
                .isEqualTo(new Complete(TaskRunStatus.FAILED, StatusReason.ABNORMAL_EXIT, "task exited with code 1"));
    }

    @Test
    void aLostWorkerIsRetriedAtOnceWhileWorkerLostRetriesRemain() {
        assertThat(AttemptOutcomes.afterWorkerLost(NO_RETRY, 0, false, "worker w1 silent"))
                .as("the default policy retries a lost worker once")
                .isEqualTo(new Retry(StatusReason.WORKER_LOST, "worker w1 silent", 0));
        assertThat(AttemptOutcomes.afterWorkerLost(NO_RETRY, 1, false, "worker w1 silent"))
                .isEqualTo(new Complete(TaskRunStatus.FAILED, StatusReason.WORKER_LOST, "worker w1 silent"));
        assertThat(AttemptOutcomes.afterWorkerLost(THREE_ATTEMPTS_ON_CODE_3, 1, false, "worker w1 silent"))
                .isInstanceOf(Retry.class);
    }

    @Test
    void aLostWorkerOfACancelledTaskRunEndsItCancelled() {
        assertThat(AttemptOutcomes.afterWorkerLost(THREE_ATTEMPTS_ON_CODE_3, 0, true, "worker w1 silent"))
                .isEqualTo(new Complete(TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED,
                        "cancelled by user; worker w1 silent"));
    }

    private static TaskConfig task(RetryConfig retry) {
        return new TaskConfig("t", null, "local/busybox:latest", null, Map.of(), Map.of(), List.of(), List.of(), false,
                PullPolicy.IF_NOT_PRESENT, null, null, null, null, null, retry);
    }
}
