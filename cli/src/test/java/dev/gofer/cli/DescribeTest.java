package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.StatusReason;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunAttempt;
import dev.gofer.sdk.TaskRunState;
import dev.gofer.sdk.TaskRunStatus;

class DescribeTest {

    private static final Style PLAIN = new Style(false);

    @Test
    void shouldNameAttemptWhenTaskRunIsBeingRetried() {
        assertThat(Describe.taskState(task(2, TaskRunState.RUNNING, TaskRunStatus.UNKNOWN, null, null), PLAIN))
                .isEqualTo("running (attempt 2)");
        assertThat(Describe.taskState(task(1, TaskRunState.RUNNING, TaskRunStatus.UNKNOWN, null, null), PLAIN))
                .isEqualTo("running");
    }

    @Test
    void shouldShowExitCodeAndNotableReasonAndAttemptWhenComplete() {
        assertThat(Describe.taskState(task(1, TaskRunState.COMPLETE, TaskRunStatus.FAILED, 137, "timeout"), PLAIN))
                .isEqualTo("complete failed (exit 137, timeout)");
        assertThat(Describe.taskState(task(1, TaskRunState.COMPLETE, TaskRunStatus.FAILED, 3, "abnormal_exit"), PLAIN))
                .isEqualTo("complete failed (exit 3)");
        assertThat(Describe.taskState(task(2, TaskRunState.COMPLETE, TaskRunStatus.SUCCESSFUL, 0, null), PLAIN))
                .isEqualTo("complete successful (exit 0, attempt 2)");
        assertThat(Describe.taskState(task(1, TaskRunState.COMPLETE, TaskRunStatus.FAILED, null, "worker_lost"), PLAIN))
                .isEqualTo("complete failed (worker_lost)");
    }

    @Test
    void shouldAddTheReasonsDescriptionWhenAskedUnlessAnExitCodeSaysIt() {
        assertThat(Describe.taskState(task(1, TaskRunState.COMPLETE, TaskRunStatus.FAILED, null, "scheduler_error"),
                PLAIN, true)).isEqualTo("complete failed (scheduler_error: why)");
        assertThat(Describe.taskState(task(1, TaskRunState.COMPLETE, TaskRunStatus.FAILED, 137, "timeout"), PLAIN,
                true)).isEqualTo("complete failed (exit 137, timeout: why)");
        assertThat(Describe.taskState(task(1, TaskRunState.COMPLETE, TaskRunStatus.FAILED, 3, "abnormal_exit"), PLAIN,
                true)).isEqualTo("complete failed (exit 3)");
        assertThat(Describe.taskState(task(1, TaskRunState.COMPLETE, TaskRunStatus.FAILED, null, "scheduler_error"),
                PLAIN)).isEqualTo("complete failed (scheduler_error)");
    }

    @Test
    void shouldListEveryAttemptWhenTaskRunWasRetried() {
        TaskRunAttempt lost = new TaskRunAttempt(1, "w-1", null, TaskRunStatus.FAILED,
                new StatusReason("worker_lost", "worker w-1 stopped sending heartbeats at 12:00"), 2, 3);
        TaskRunAttempt exited = new TaskRunAttempt(2, "w-2", 3, TaskRunStatus.FAILED,
                new StatusReason("abnormal_exit", ""), 4, 5);
        TaskRunAttempt current = new TaskRunAttempt(3, "w-3", null, TaskRunStatus.UNKNOWN, null, 6, 0);
        TaskRun task = task(3, TaskRunState.RUNNING, TaskRunStatus.UNKNOWN, null, null, List.of(lost, exited, current));

        assertThat(Describe.attempts(task, PLAIN)).containsExactly(
                "attempt 1  failed (worker_lost: worker w-1 stopped sending heartbeats at 12:00)  worker w-1  exit -",
                "attempt 2  failed (abnormal_exit)  worker w-2  exit 3",
                "attempt 3  running  worker w-3  exit -");
    }

    @Test
    void shouldListNoAttemptsWhenTaskRunHasOnlyOne() {
        TaskRunAttempt only = new TaskRunAttempt(1, "w", 0, TaskRunStatus.SUCCESSFUL, null, 2, 3);

        assertThat(Describe.attempts(
                task(1, TaskRunState.COMPLETE, TaskRunStatus.SUCCESSFUL, 0, null, List.of(only)), PLAIN)).isEmpty();
        assertThat(Describe.attempts(task(1, TaskRunState.RUNNING, TaskRunStatus.UNKNOWN, null, null), PLAIN))
                .isEmpty();
    }

    private static TaskRun task(int attempt, TaskRunState state, TaskRunStatus status, Integer exit, String reason) {
        return task(attempt, state, status, exit, reason, List.of());
    }

    private static TaskRun task(int attempt, TaskRunState state, TaskRunStatus status, Integer exit, String reason,
            List<TaskRunAttempt> attempts) {
        return new TaskRun("default", "p", 1, "build", attempt, "img", state, status,
                reason == null ? null : new StatusReason(reason, "why"), exit, 1, 2, 3, "w", List.of(), null, 0,
                attempts);
    }
}
