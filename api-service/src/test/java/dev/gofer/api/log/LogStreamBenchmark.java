package dev.gofer.api.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import dev.gofer.api.token.AdminTokenForTests;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventPayload;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.LogChunk;
import dev.gofer.events.LogLine;
import dev.gofer.events.LogStream;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.GoferInfraResource;

/**
 * Not a test (run by hand, see docs/benchmarks.md): how long a follower takes to replay a complete 10,000-line log
 * over SSE ({@code GET .../logs/stream}), next to the plain download of the same log. The worker is played by
 * publishing its records, as in {@link LogStreamTest}; the reader is a real HTTP client that reads each response to
 * its end. Prints p50/p90/min/max over {@code -Drounds=} (30) rounds after 5 warm-up rounds.
 */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class LogStreamBenchmark {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LINES = 10_000;
    private static final int ROUNDS = Integer.getInteger("rounds", 30);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void replay() throws Exception {
        EventPublisher publisher = EventPublisher.create(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "log-bench", 0);
        String pipelineId = "logs-bench";
        given().contentType(ContentType.JSON).queryParam("deploy", true)
                .body("{\"id\":\"" + pipelineId + "\",\"name\":\"Logs\",\"parallelism\":0,\"tasks\":[{\"id\":\"print\","
                        + "\"image\":\"local/busybox:latest\",\"command\":[\"seq\",\"1\",\"10000\"]}]}")
                .post("/api/namespaces/default/pipelines/{p}/configs", pipelineId).then().statusCode(201);
        long runId = given().contentType(ContentType.JSON).body("{}")
                .post("/api/namespaces/default/pipelines/{p}/runs", pipelineId).then().statusCode(201).extract()
                .jsonPath().getLong("run.run_id");
        TaskRunRef ref = new TaskRunRef("default", pipelineId, runId, "print");
        publish(publisher, ref, new TaskRunStarted(ref, 1, "worker-t", "c0ffee"));
        for (int from = 1; from <= LINES; from += 500) {
            Instant at = Instant.now();
            List<LogLine> lines = IntStream.rangeClosed(from, from + 499)
                    .mapToObj(i -> new LogLine(i, i % 3 == 0 ? LogStream.STDERR : LogStream.STDOUT,
                            String.format("line %05d of %d \"quoted\" é", i, LINES), at))
                    .toList();
            publish(publisher, ref, new LogChunk(ref, 1, lines));
        }
        publish(publisher, ref, new TaskRunExited(ref, 1, "worker-t", 0, LINES));
        String path = "/api/namespaces/default/pipelines/" + pipelineId + "/runs/" + runId + "/tasks/print/logs";
        await().atMost(WAIT).until(() -> given().get("/api/namespaces/default/pipelines/{p}/runs/{r}/tasks/print",
                pipelineId, runId).then().extract().jsonPath().getBoolean("task_run.logs.complete"));
        URI stream = URI.create("http://localhost:" + RestAssured.port + path + "/stream");
        URI download = URI.create("http://localhost:" + RestAssured.port + path);

        List<Long> replays = new ArrayList<>();
        List<Long> downloads = new ArrayList<>();
        for (int round = -5; round < ROUNDS; round++) {
            long t0 = System.nanoTime();
            String events = get(stream);
            long t1 = System.nanoTime();
            String text = get(download);
            long t2 = System.nanoTime();
            assertThat(events.split("\nevent:line\n", -1)).hasSize(LINES + 1);
            assertThat(events).endsWith("\nevent:end\ndata:{\"lines\":" + LINES + "}\n\n");
            assertThat(text.lines()).hasSize(LINES);
            if (round >= 0) {
                replays.add(t1 - t0);
                downloads.add(t2 - t1);
            }
        }
        publisher.close();
        report("SSE replay", replays);
        report("plain download", downloads);
    }

    private static String get(URI uri) throws Exception {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(uri)
                .header("Authorization", "Bearer " + AdminTokenForTests.admin()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private static void report(String name, List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf("BENCH %-16s n=%d p50=%.1f ms p90=%.1f ms min=%.1f ms max=%.1f ms%n", name, sorted.size(),
                sorted.get(sorted.size() / 2) / 1e6, sorted.get(sorted.size() * 9 / 10) / 1e6, sorted.get(0) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6);
    }

    private static void publish(EventPublisher publisher, TaskRunRef ref, EventPayload payload) {
        String topic = payload instanceof LogChunk ? Topics.TASK_RUN_LOGS : Topics.TASK_RUN_STATUS;
        publisher.publishAndWait(topic, Envelope.of(ref.key(), payload), WAIT);
    }
}
