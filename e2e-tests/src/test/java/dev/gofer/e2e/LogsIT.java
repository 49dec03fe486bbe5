package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gofer.e2e.SseClient.SseEvent;
import dev.gofer.local.LocalStack;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunState;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunAttempt;
import dev.gofer.sdk.TaskRunState;
import dev.gofer.testsupport.LocalImages;

/**
 * Task logs survive a restart of api-service in the middle of a running task: a container prints 10,000 numbered
 * lines (every fourth on stderr) in three parts: while a live follower reads them, while api-service is down (the
 * worker's chunks wait in Kafka), and after it is back. The follower reconnects with Last-Event-ID like an
 * EventSource; the stored log and the stream both hold every line exactly once, in order.
 */
class LogsIT {

    private static final int LINES = 10_000;
    private static final Duration WAIT = Duration.ofMinutes(4);
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * Part one at about 2,000 lines/s; then it waits until api-service has not answered for five probes in a row (at
     * most 2 min), prints part two, waits until it has answered three in a row (at most 3 min) and prints part three.
     * It asks api-service's readiness with busybox {@code nc} (the stack runs tasks in the host's network; busybox
     * {@code wget} is not usable everywhere).
     */
    private static final String SCRIPT = """
            emit() { i=$1; while [ $i -le $2 ]; do
                if [ $((i % 4)) -eq 0 ]; then echo "line $i" >&2; else echo "line $i"; fi
                if [ $((i % $3)) -eq 0 ]; then sleep 0.1; fi
                i=$((i + 1)); done; }
            hp=${GOFER_API_URL#http://}; host=${hp%%:*}; port=${hp##*:}
            ask() { printf 'GET /q/health/ready HTTP/1.0\\r\\nConnection: close\\r\\n\\r\\n' \\
                | timeout 3 nc -w 2 "$host" "$port" 2>/dev/null; }
            up() { ask | grep -q '^HTTP/1.. 200'; }
            emit 1 4000 200
            n=0; k=0; while [ $k -lt 5 ] && [ $n -lt 1200 ]; do
                if up; then k=0; else k=$((k + 1)); fi; sleep 0.1; n=$((n + 1)); done
            emit 4001 8000 1000
            n=0; k=0; while [ $k -lt 3 ] && [ $n -lt 1800 ]; do
                if up; then k=$((k + 1)); else k=0; fi; sleep 0.1; n=$((n + 1)); done
            emit 8001 10000 200
            """;

    private final GoferClient api = Stack.api();

    @Test
    void shouldKeepEveryLineOnceInOrderWhenApiServiceRestartsDuringRunningTask() {
        LocalStack stack = Stack.get();
        String id = Stack.pipelineId("logs-restart");
        register(id);
        Run run = api.startRun("default", id, Map.of());
        LogFollower live = LogFollower.start(stack.apiUrl(), id, run.runId(), "print");

        // The follower receives lines while the task is running.
        await().atMost(WAIT).until(() -> live.lineCount() >= 1000);
        TaskRun running = api.getTaskRun("default", id, run.runId(), "print");
        assertThat(running.state()).as("the task is still running").isNotEqualTo(TaskRunState.COMPLETE);
        assertThat(live.lineCount()).isLessThan(LINES);

        stack.stop(LocalStack.API);
        try {
            assertThat(live.ended()).isFalse();
        } finally {
            stack.start(LocalStack.API);
        }

        Run done = await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> api.getRun("default", id, run.runId()), r -> r.state() == RunState.COMPLETE);
        assertThat(done.status()).isEqualTo(RunStatus.SUCCESSFUL);
        await().atMost(WAIT).until(live::ended);
        SseEvent end = live.end().join();
        live.close();

        assertThat(live.connections()).as("the follower reconnected after the restart").isGreaterThanOrEqualTo(2);
        assertThat(json(end.data()).get("lines").asLong()).isEqualTo(LINES);
        assertEveryLineOnceInOrder(live.lines());

        // The stored log: the download, the task run's count, and a replay from the start.
        String text = Runs.logs(api, id, run.runId(), "print");
        assertThat(text.lines().toList()).containsExactlyElementsOf(
                live.lines().stream().map(e -> json(e.data()).get("text").asText()).toList());
        TaskRun task = api.getTaskRun("default", id, run.runId(), "print");
        // The container ran on through the restart: a lease lapsing meanwhile would retry it (worker_lost) and these
        // lines would be a second attempt's.
        assertThat(task.attempt()).as("the task run finished on its first attempt").isEqualTo(1);
        assertThat(task.attempts()).extracting(TaskRunAttempt::attempt).containsExactly(1);
        assertThat(task.logs().lines()).isEqualTo(LINES);
        assertThat(task.logs().complete()).isTrue();
        LogFollower replay = LogFollower.start(stack.apiUrl(), id, run.runId(), "print");
        await().atMost(WAIT).until(replay::ended);
        replay.close();
        assertThat(replay.connections()).isEqualTo(1);
        assertThat(replay.lines()).extracting(SseEvent::data)
                .containsExactlyElementsOf(live.lines().stream().map(SseEvent::data).toList());
    }

    /** Sequence numbers 1..n without gaps or repeats; each number printed once; each stream in its own order. */
    private static void assertEveryLineOnceInOrder(List<SseEvent> events) {
        assertThat(events).extracting(SseEvent::id)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, LINES).mapToObj(Long::toString).toList());
        List<Integer> stdout = new ArrayList<>();
        List<Integer> stderr = new ArrayList<>();
        List<Integer> all = new ArrayList<>();
        for (SseEvent event : events) {
            JsonNode line = json(event.data());
            assertThat(line.get("seq").asText()).isEqualTo(event.id());
            int n = Integer.parseInt(line.get("text").asText().substring("line ".length()));
            all.add(n);
            (line.get("stream").asText().equals("stderr") ? stderr : stdout).add(n);
        }
        assertThat(all.stream().sorted().toList())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, LINES).boxed().toList());
        assertThat(stdout).isSorted().allMatch(n -> n % 4 != 0).hasSize(LINES - LINES / 4);
        assertThat(stderr).isSorted().allMatch(n -> n % 4 == 0).hasSize(LINES / 4);
    }

    private static void register(String id) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("id", id, "name", "Logs across a restart", "parallelism", 0,
                    "tasks", List.of(Map.of("id", "print", "image", LocalImages.BUSYBOX, "command",
                            List.of("sh", "-c", SCRIPT)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = Stack.http("POST", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + id
                + "/configs?deploy=true", "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + data, e);
        }
    }
}
