package dev.gofer.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.gofer.e2e.SseClient.SseEvent;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Run;
import dev.gofer.testsupport.LocalImages;

/**
 * Not a test: measures how long a task's log line takes from the container writing it to an SSE follower receiving
 * it, on the real stack (worker → Kafka → api-service → PostgreSQL → follower), and prints the figures. Every line
 * carries the wall-clock time (ms) at which the container wrote it; the containers share the host's clock. Nothing is
 * asserted about timings. Run it with
 *
 * <pre>
 * ./mvnw -B -q install -DskipTests
 * ./mvnw -B verify -pl e2e-tests -Dit.test=LogLatencyBenchmark
 * </pre>
 *
 * Figures go to the console and to {@code e2e-tests/target/log-latency.txt}; see docs/benchmarks.md.
 */
class LogLatencyBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofMinutes(3);

    /** Epoch milliseconds inside a busybox container (its {@code date} has no sub-second format). */
    private static final String NOW = """
            now() { adjtimex | awk '/tv_sec/ {s=$2} /tv_usec/ {u=$2} END {printf "%d%03d", s, u / 1000}'; }
            sleep 2
            """;

    /** One line every 20 ms: the latency of a follower that is waiting for the next line. */
    private static final String TRICKLE = NOW + """
            i=1; while [ $i -le 500 ]; do echo "bench $i $(now)"; i=$((i + 1)); usleep 20000; done
            """;

    /** 10,000 lines as fast as the shell writes them (one timestamp per 100 lines): the latency under load. */
    private static final String BURST = NOW + """
            i=1; while [ $i -le 10000 ]; do t=$(now); j=0
                while [ $j -lt 100 ]; do echo "bench $i $t"; i=$((i + 1)); j=$((j + 1)); done; done
            """;

    private final GoferClient api = Stack.api();

    @Test
    void shouldPrintFollowLatencyWhenContainersWriteTimestampedLines() throws IOException {
        List<String> report = new ArrayList<>();
        report.add("log follow latency, " + Instant.now() + ", " + Runtime.getRuntime().availableProcessors()
                + " cores");
        report.add(String.format(Locale.ROOT, "%-8s %-26s %6s %7s %7s %7s %7s", "scenario", "interval", "lines",
                "p50", "p95", "p99", "max"));
        report.addAll(measure("trickle", TRICKLE, 500));
        report.addAll(measure("burst", BURST, 10_000));
        report.forEach(System.out::println);
        Path file = Path.of(System.getProperty("gofer.repo.root", ".."), "e2e-tests/target/log-latency.txt");
        Files.createDirectories(file.getParent());
        Files.write(file, report, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING);
    }

    private List<String> measure(String scenario, String script, int lines) {
        String id = Stack.pipelineId("bench-" + scenario);
        register(id, script);
        Run run = api.startRun("default", id, Map.of());
        LogFollower follower = LogFollower.start(Stack.get().apiUrl(), id, run.runId(), "bench");
        await().atMost(WAIT).until(follower::ended);
        follower.close();

        List<Long> toFollower = new ArrayList<>();
        List<Long> toWorker = new ArrayList<>();
        List<Long> workerToFollower = new ArrayList<>();
        for (SseEvent event : follower.lines()) {
            JsonNode line = json(event.data());
            String[] words = line.get("text").asText().split(" ");
            long written = Long.parseLong(words[2]);
            long read = line.get("at").asLong();
            toFollower.add(event.receivedAt() - written);
            toWorker.add(read - written);
            workerToFollower.add(event.receivedAt() - read);
        }
        assertThat(toFollower).hasSize(lines);
        return List.of(row(scenario, "container -> follower", toFollower),
                row(scenario, "container -> worker (at)", toWorker),
                row(scenario, "worker (at) -> follower", workerToFollower));
    }

    private static String row(String scenario, String interval, List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return String.format(Locale.ROOT, "%-8s %-26s %6d %5d ms %5d ms %5d ms %5d ms", scenario, interval,
                sorted.size(), percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
                sorted.get(sorted.size() - 1));
    }

    private static long percentile(List<Long> sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static void register(String id, String script) {
        String body;
        try {
            body = JSON.writeValueAsString(Map.of("id", id, "name", "Log latency", "parallelism", 0, "tasks",
                    List.of(Map.of("id", "bench", "image", LocalImages.BUSYBOX, "command", List.of("sh", "-c",
                            script)))));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        var response = Stack.http("POST", Stack.get().apiUrl() + "/api/namespaces/default/pipelines/" + id
                + "/configs?deploy=true", "application/json", body);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
    }

    private static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + data, e);
        }
    }
}
