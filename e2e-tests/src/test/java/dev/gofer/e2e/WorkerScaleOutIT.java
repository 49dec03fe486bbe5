package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.gofer.events.EventCodec;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.Topics;
import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.testsupport.LocalImages;

/**
 * Two scheduler processes in one consumer group share the task runs of one stream of runs, and each task run is
 * executed once: one container per attempt, as the workers' own {@code task-run.started} records show.
 */
class WorkerScaleOutIT {

    private final GoferClient api = Stack.api();

    @Test
    void shouldShareFortyTaskRunsBetweenBothWorkersAndRunEachOnceWhenTwoAreRunning() {
        String id = Stack.pipelineId("scale");
        api.registerConfig("default", Pipeline.of(id, "Scale out").tasks(
                CustomTask.of("short", LocalImages.BUSYBOX).command("sh", "-c", "echo run $GOFER_RUN_ID; sleep 1")));

        List<Long> runIds = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            runIds.add(api.startRun("default", id, Map.of()).runId());
        }

        Set<String> workers = new HashSet<>();
        for (long runId : runIds) {
            Run done = Runs.awaitComplete(api, id, runId);
            assertThat(done.status()).as("run %d", runId).isEqualTo(RunStatus.SUCCESSFUL);
            TaskRun task = api.getTaskRun("default", id, runId, "short");
            assertThat(task.attempt()).isEqualTo(1);
            workers.add(task.workerId());
            assertThat(Runs.logs(api, id, runId, "short")).isEqualTo("run " + runId + "\n");
        }
        assertThat(runIds).doesNotHaveDuplicates().hasSize(40);
        assertThat(workers).containsExactlyInAnyOrder(Stack.WORKER_PREFIX + 1, Stack.WORKER_PREFIX + 2);

        // Every started record of these task runs: one container per task run, never a second one.
        Map<String, Set<String>> containers = new HashMap<>();
        for (var record : Stack.kafka().readAll(Topics.TASK_RUN_STATUS, Duration.ofSeconds(20))) {
            if (record.key() != null && record.key().startsWith("default/" + id + "/")) {
                TaskRunEvent event = EventCodec.decode(record.value(), TaskRunEvent.class).payload();
                if (event instanceof TaskRunStarted started) {
                    containers.computeIfAbsent(record.key() + "#" + started.attempt(), k -> new HashSet<>())
                            .add(started.containerId());
                }
            }
        }
        assertThat(containers).hasSize(40).allSatisfy((attempt, ids) -> assertThat(ids).as(attempt).hasSize(1));
    }
}
