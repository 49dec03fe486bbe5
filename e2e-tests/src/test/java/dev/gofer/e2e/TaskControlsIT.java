package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunStatus;
import dev.gofer.testsupport.LocalImages;

/** Task controls through the whole system: retries, timeouts and memory limits act on real containers. */
class TaskControlsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final GoferClient api = Stack.api();

    @Test
    void shouldRetryFailedAttemptAfterBackoffAndSucceedOnTheNext() throws Exception {
        String id = Stack.pipelineId("retry");
        // The first attempt leaves a run object behind and fails; the second finds it and succeeds.
        String object = "$GOFER_API_URL/api/namespaces/$GOFER_NAMESPACE_ID/pipelines/$GOFER_PIPELINE_ID/runs/"
                + "$GOFER_RUN_ID/objects/tried";
        String auth = "--header \"Authorization: Bearer $GOFER_API_TOKEN\"";
        String script = "if wget -q " + auth + " -O - \"" + object + "\" >/dev/null 2>&1; then echo second try; exit 0;"
                + " fi; wget -q " + auth + " -O /dev/null --header 'Content-Type: application/octet-stream'"
                + " --post-data yes \"" + object + "\"; echo first try; exit 3";
        api.registerConfig("default", Pipeline.of(id, "Retry").tasks(CustomTask.of("flaky", LocalImages.BUSYBOX)
                .command("sh", "-c", script).injectApiToken(true).retry(2, Duration.ofSeconds(1), 3)));

        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());

        assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);
        TaskRun task = api.getTaskRun("default", id, run.runId(), "flaky");
        assertThat(task.attempt()).isEqualTo(2);
        assertThat(Runs.logs(api, id, run.runId(), "flaky")).isEqualTo("second try\n");
        JsonNode attempts = taskRunJson(id, run.runId(), "flaky").path("attempts");
        assertThat(attempts).hasSize(2);
        assertThat(attempts.get(0).path("exit_code").asInt()).isEqualTo(3);
        assertThat(attempts.get(1).path("attempt").asInt()).isEqualTo(2);
    }

    @Test
    void shouldStopTaskAndFailItWithTimeoutWhenItRunsTooLong() {
        String id = Stack.pipelineId("timeout");
        api.registerConfig("default", Pipeline.of(id, "Timeout").tasks(CustomTask.of("sleepy", LocalImages.BUSYBOX)
                .command("sh", "-c", "echo going to sleep; sleep 120; echo woke up").timeout(Duration.ofSeconds(2))));

        long t0 = System.nanoTime();
        Run run = api.startRun("default", id, Map.of());
        Run done = Runs.awaitComplete(api, id, run.runId());
        Duration took = Duration.ofNanos(System.nanoTime() - t0);

        assertThat(done.status()).isEqualTo(RunStatus.FAILED);
        TaskRun task = api.getTaskRun("default", id, run.runId(), "sleepy");
        assertThat(task.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(task.statusReason().reason()).isEqualTo("timeout");
        // Stopped, not finished: the sleep never ended (no "woke up") and the container died of a signal.
        assertThat(Runs.logs(api, id, run.runId(), "sleepy")).isEqualTo("going to sleep\n");
        assertThat(task.exitCode()).as("killed by SIGTERM/SIGKILL").isIn(137, 143);
        System.out.printf("figure: a 2 s task timeout ended the run %.1f s after it was started (10 s grace)%n",
                took.toMillis() / 1000.0);
    }

    @Test
    void shouldKillTaskThatExceedsItsMemoryLimit() {
        String id = Stack.pipelineId("memory");
        // dd fills a buffer of one block: 200 MiB against a 32 MiB limit.
        api.registerConfig("default", Pipeline.of(id, "Memory").tasks(
                CustomTask.of("hungry", LocalImages.BUSYBOX)
                        .command("dd", "if=/dev/zero", "of=/dev/null", "bs=200M", "count=1")
                        .memoryMb(32),
                CustomTask.of("modest", LocalImages.BUSYBOX)
                        .command("dd", "if=/dev/zero", "of=/dev/null", "bs=1M", "count=1")
                        .memoryMb(32)));

        Run run = api.startRun("default", id, Map.of());
        Runs.awaitComplete(api, id, run.runId());

        TaskRun hungry = api.getTaskRun("default", id, run.runId(), "hungry");
        assertThat(hungry.status()).isEqualTo(TaskRunStatus.FAILED);
        assertThat(hungry.exitCode()).as("killed by the kernel's OOM killer").isNotZero();
        assertThat(api.getTaskRun("default", id, run.runId(), "modest").status()).isEqualTo(TaskRunStatus.SUCCESSFUL);
    }

    private static JsonNode taskRunJson(String pipelineId, long runId, String taskId) throws Exception {
        var response = Stack.http("GET", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + pipelineId
                + "/runs/" + runId + "/tasks/" + taskId, null, null);
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body()).path("task_run");
    }

}
