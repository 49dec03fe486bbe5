package dev.gofer.api.run.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.gofer.api.pipeline.persistence.RequiredParentStatus;
import dev.gofer.api.run.persistence.RunStatus;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRunState;
import dev.gofer.api.run.persistence.TaskRunStatus;
import dev.gofer.api.run.service.DagDecision.Decision;
import dev.gofer.api.run.service.DagDecision.Dispatch;
import dev.gofer.api.run.service.DagDecision.Node;
import dev.gofer.api.run.service.DagDecision.Skip;

/** The DAG walk on its own: which task runs are dispatched or skipped, and how the run ends. */
class DagDecisionTest {

    @Test
    void dispatchesRootsAndWaitsForTheirChildren() {
        Decision d = DagDecision
                .decide(List.of(waiting("build"), waiting("test", "build", RequiredParentStatus.SUCCESS)));

        assertThat(d.steps()).containsExactly(new Dispatch("build"));
        assertThat(d.runEnd()).isEmpty();
    }

    @Test
    void dispatchesAChildOnceItsParentMetTheCondition() {
        Decision d = DagDecision.decide(List.of(complete("build", TaskRunStatus.SUCCESSFUL, null),
                waiting("test", "build", RequiredParentStatus.SUCCESS)));

        assertThat(d.steps()).containsExactly(new Dispatch("test"));
        assertThat(d.runEnd()).isEmpty();
    }

    @Test
    void skipsDownTheChainAndEndsTheRunWithTheFirstFailure() {
        Decision d = DagDecision.decide(List.of(complete("build", TaskRunStatus.FAILED, StatusReason.ABNORMAL_EXIT),
                waiting("test", "build", RequiredParentStatus.SUCCESS),
                waiting("deploy", "test", RequiredParentStatus.SUCCESS),
                waiting("cleanup", "build", RequiredParentStatus.FAILURE)));

        assertThat(d.steps()).containsExactly(
                new Skip("test", "parent 'build' ended failed; this task requires success"),
                new Skip("deploy", "parent 'test' ended skipped; this task requires success"),
                new Dispatch("cleanup"));
        assertThat(d.runEnd()).isEmpty();
    }

    @Test
    void anyAcceptsASkippedParent() {
        Decision d = DagDecision.decide(List.of(complete("a", TaskRunStatus.SKIPPED, StatusReason.FAILED_PRECONDITION),
                waiting("b", "a", RequiredParentStatus.ANY)));

        assertThat(d.steps()).containsExactly(new Dispatch("b"));
    }

    @Test
    void leavesATaskRunWaitingForItsRetryAlone() {
        Node retrying = new Node("flaky", TaskRunState.WAITING, TaskRunStatus.UNKNOWN, null, true, Map.of());

        Decision d = DagDecision.decide(List.of(retrying));

        assertThat(d.steps()).isEmpty();
        assertThat(d.runEnd()).isEmpty();
    }

    @Test
    void aSkippedCleanUpDoesNotFailAGoodRun() {
        Decision d = DagDecision.decide(List.of(complete("build", TaskRunStatus.SUCCESSFUL, null),
                waiting("cleanup", "build", RequiredParentStatus.FAILURE)));

        assertThat(d.steps()).containsExactly(
                new Skip("cleanup", "parent 'build' ended successful; this task requires failure"));
        assertThat(d.runEnd()).hasValueSatisfying(end -> {
            assertThat(end.status()).isEqualTo(RunStatus.SUCCESSFUL);
            assertThat(end.reason()).isNull();
        });
    }

    @Test
    void aFailedOrUnknownTaskRunFailsTheRunNamingThem() {
        Decision d = DagDecision.decide(List.of(complete("a", TaskRunStatus.SUCCESSFUL, null),
                complete("b", TaskRunStatus.UNKNOWN, null), complete("c", TaskRunStatus.FAILED, StatusReason.TIMEOUT)));

        assertThat(d.runEnd()).hasValueSatisfying(end -> {
            assertThat(end.status()).isEqualTo(RunStatus.FAILED);
            assertThat(end.reason()).as("the first failure has no reason").isEqualTo(StatusReason.ABNORMAL_EXIT);
            assertThat(end.description()).isEqualTo("task run(s) failed: b, c");
        });
    }

    @Test
    void aCancelledTaskRunCancelsTheRun() {
        Decision d = DagDecision.decide(List.of(complete("a", TaskRunStatus.FAILED, StatusReason.ABNORMAL_EXIT),
                complete("b", TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED)));

        assertThat(d.runEnd()).hasValueSatisfying(end -> {
            assertThat(end.status()).isEqualTo(RunStatus.CANCELLED);
            assertThat(end.reason()).isEqualTo(StatusReason.USER_CANCELLED);
        });
    }

    private static Node waiting(String id, Object... parents) {
        Map<String, RequiredParentStatus> deps = new LinkedHashMap<>();
        for (int i = 0; i < parents.length; i += 2) {
            deps.put((String) parents[i], (RequiredParentStatus) parents[i + 1]);
        }
        return new Node(id, TaskRunState.WAITING, TaskRunStatus.UNKNOWN, null, false, deps);
    }

    private static Node complete(String id, TaskRunStatus status, StatusReason reason) {
        return new Node(id, TaskRunState.COMPLETE, status, reason, false, Map.of());
    }
}
