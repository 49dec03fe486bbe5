package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.RequiredParentStatus;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunState;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunState;
import dev.gofer.sdk.TaskRunStatus;
import dev.gofer.testsupport.LocalImages;

/** Per-pipeline parallelism (runs wait as pending, in order) and cancellation of running containers. */
class ParallelismAndCancelIT {

    private final GoferClient api = Stack.api();

    @Test
    void shouldRunFiveRunsOneAtATimeInOrderWhenParallelismIsOne() {
        String id = Stack.pipelineId("one-at-a-time");
        api.registerConfig("default", Pipeline.of(id, "One at a time").parallelism(1).tasks(
                CustomTask.of("work", LocalImages.BUSYBOX).command("sh", "-c", "echo run $GOFER_RUN_ID; sleep 1")));

        List<Run> started = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            started.add(api.startRun("default", id, Map.of()));
        }

        assertThat(started.get(0).state()).isEqualTo(RunState.RUNNING);
        assertThat(started.subList(1, started.size())).extracting(Run::state).containsOnly(RunState.PENDING);
        List<TaskRun> work = new ArrayList<>();
        for (Run run : started) {
            Run done = Runs.awaitComplete(api, id, run.runId());
            assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);
            work.add(api.getTaskRun("default", id, run.runId(), "work"));
        }
        for (int i = 1; i < work.size(); i++) {
            assertThat(work.get(i).started()).as("run %d starts after run %d ended", i + 1, i)
                    .isGreaterThanOrEqualTo(work.get(i - 1).ended());
        }
        assertThat(api.listRuns("default", id, 50, 0)).extracting(Run::runId).containsExactly(5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void shouldStopContainerWithinGraceWhenRunIsCancelled() throws Exception {
        String id = Stack.pipelineId("cancel");
        api.registerConfig("default", Pipeline.of(id, "Cancel me").tasks(
                CustomTask.of("sleeper", LocalImages.BUSYBOX).command("sh", "-c", "echo sleeping; sleep 300"),
                CustomTask.of("after", LocalImages.BUSYBOX).command("echo", "never")
                        .dependsOn("sleeper", RequiredParentStatus.ANY)));
        Run run = api.startRun("default", id, Map.of());
        await().atMost(Duration.ofSeconds(60)).until(
                () -> api.getTaskRun("default", id, run.runId(), "sleeper").state() == TaskRunState.RUNNING);
        String label = "gofer.task-run=default/" + id + "/" + run.runId() + "/sleeper";
        assertThat(containers(label)).hasSize(1);

        long cancelledAt = System.nanoTime();
        api.cancelRun("default", id, run.runId(), 2);

        await().atMost(Duration.ofSeconds(2 + 5)).pollInterval(Duration.ofMillis(200))
                .until(() -> running(label).isEmpty());
        long goneAfterMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - cancelledAt);
        System.out.printf("cancel: container stopped %d ms after the cancel request (grace 2 s)%n", goneAfterMs);
        // A cancelled container is removed once its exit is reported (the worker remembers the cancelled attempt).
        await().atMost(Stack.KEEP_EXITED.plusSeconds(10)).pollInterval(Duration.ofMillis(500))
                .until(() -> containers(label).isEmpty());
        Run done = Runs.awaitComplete(api, id, run.runId());
        assertThat(done.status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(done.statusReason().reason()).isEqualTo("user_cancelled");
        TaskRun sleeper = api.getTaskRun("default", id, run.runId(), "sleeper");
        assertThat(sleeper.status()).isEqualTo(TaskRunStatus.CANCELLED);
        assertThat(sleeper.statusReason().reason()).isEqualTo("user_cancelled");
        assertThat(Runs.logs(api, id, run.runId(), "sleeper")).isEqualTo("sleeping\n");
        TaskRun after = api.getTaskRun("default", id, run.runId(), "after");
        assertThat(after.status()).isEqualTo(TaskRunStatus.CANCELLED);
        assertThat(after.started()).isZero();
    }

    /** Ids of containers (running or not) with the label, as the docker CLI lists them. */
    private static List<String> running(String label) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-q", "--filter", "label=" + label).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ps.waitFor()).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }

    private static List<String> containers(String label) throws IOException, InterruptedException {
        Process ps = new ProcessBuilder("docker", "ps", "-aq", "--filter", "label=" + label).start();
        String out = new String(ps.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(ps.waitFor()).isZero();
        return out.lines().filter(l -> !l.isBlank()).toList();
    }
}
