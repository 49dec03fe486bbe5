package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.RequiredParentStatus;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunStatus;
import dev.gofer.testsupport.LocalImages;

/** DAG semantics with real containers: conditions per parent, failure paths, skipped propagation. */
class DagIT {

    private final GoferClient api = Stack.api();

    private static CustomTask task(String id, int exitCode) {
        return CustomTask.of(id, LocalImages.BUSYBOX).command("sh", "-c", "echo " + id + "; exit " + exitCode);
    }

    @Test
    void shouldFollowEachConditionWhenDiamondHasFailureAndSkipPaths() {
        String id = Stack.pipelineId("diamond");
        api.registerConfig("default", Pipeline.of(id, "Diamond").tasks(
                task("root", 0),
                task("left-fails", 1).dependsOn("root", RequiredParentStatus.SUCCESS),
                task("right-works", 0).dependsOn("root", RequiredParentStatus.SUCCESS),
                task("join", 0).dependsOn("left-fails", RequiredParentStatus.FAILURE)
                        .dependsOn("right-works", RequiredParentStatus.SUCCESS),
                task("on-left-success", 0).dependsOn("left-fails", RequiredParentStatus.SUCCESS),
                task("after-skip-any", 0).dependsOn("on-left-success", RequiredParentStatus.ANY),
                task("after-skip-success", 0).dependsOn("on-left-success", RequiredParentStatus.SUCCESS),
                task("cleanup-on-failure", 0).dependsOn("root", RequiredParentStatus.FAILURE)));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());
        Map<String, TaskRun> tasks = api.listTaskRuns("default", id, run.runId()).stream()
                .collect(Collectors.toMap(TaskRun::taskId, Function.identity()));

        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        assertThat(tasks.get("root").status()).isEqualTo(TaskRunStatus.SUCCESSFUL);
        assertThat(tasks.get("left-fails").status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(tasks.get("right-works").status()).isEqualTo(TaskRunStatus.SUCCESSFUL);
        assertThat(tasks.get("join").status()).as("failure path runs on failure").isEqualTo(
                TaskRunStatus.SUCCESSFUL);
        assertThat(Runs.logs(api, id, run.runId(), "join")).isEqualTo("join\n");
        assertThat(tasks.get("on-left-success").status()).isEqualTo(TaskRunStatus.SKIPPED);
        assertThat(tasks.get("after-skip-any").status()).as("any accepts a skipped parent")
                .isEqualTo(TaskRunStatus.SUCCESSFUL);
        assertThat(tasks.get("after-skip-success").status()).as("skipped propagates")
                .isEqualTo(TaskRunStatus.SKIPPED);
        assertThat(tasks.get("after-skip-success").statusReason().description())
                .isEqualTo("parent 'on-left-success' ended skipped; this task requires success");
        assertThat(tasks.get("cleanup-on-failure").status()).as("failure-only task skipped when root succeeds")
                .isEqualTo(TaskRunStatus.SKIPPED);
        assertThat(tasks.get("left-fails").started()).isGreaterThanOrEqualTo(tasks.get("root").ended());
        assertThat(tasks.get("join").started()).isGreaterThanOrEqualTo(
                Math.max(tasks.get("left-fails").ended(), tasks.get("right-works").ended()));
    }

    @Test
    void shouldStartIndependentTasksTogetherWhenTheyHaveNoParents() {
        String id = Stack.pipelineId("parallel-tasks");
        api.registerConfig("default", Pipeline.of(id, "Parallel tasks").tasks(
                CustomTask.of("one", LocalImages.BUSYBOX).command("sleep", "3"),
                CustomTask.of("two", LocalImages.BUSYBOX).command("sleep", "3")));

        Run run = api.startRun("default", id, Map.of());
        Runs.awaitComplete(api, id, run.runId());
        TaskRun one = api.getTaskRun("default", id, run.runId(), "one");
        TaskRun two = api.getTaskRun("default", id, run.runId(), "two");

        assertThat(one.started()).as("both run at the same time").isLessThan(two.ended());
        assertThat(two.started()).isLessThan(one.ended());
    }
}
