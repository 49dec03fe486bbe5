package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.StatusReason;
import dev.gofer.sdk.TaskRun;
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

    private static TaskRun task(int attempt, TaskRunState state, TaskRunStatus status, Integer exit, String reason) {
        return new TaskRun("default", "p", 1, "build", attempt, "img", state, status,
                reason == null ? null : new StatusReason(reason, "why"), exit, 1, 2, 3, "w", List.of(), null);
    }
}
