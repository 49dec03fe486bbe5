package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.testsupport.LocalImages;

/** Two scheduler processes in one consumer group share the task runs of one stream of runs. */
class WorkerScaleOutIT {

    private final GoferClient api = Stack.api();

    @Test
    void shouldShareTwentyRunsBetweenBothWorkersWhenTwoAreRunning() {
        String id = Stack.pipelineId("scale");
        api.registerConfig("default", Pipeline.of(id, "Scale out").tasks(
                CustomTask.of("short", LocalImages.BUSYBOX).command("sh", "-c", "echo run $GOFER_RUN_ID; sleep 1")));

        List<Long> runIds = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
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
        assertThat(runIds).doesNotHaveDuplicates().hasSize(20);
        assertThat(workers).containsExactlyInAnyOrder(Stack.WORKER_PREFIX + 1, Stack.WORKER_PREFIX + 2);
    }
}
