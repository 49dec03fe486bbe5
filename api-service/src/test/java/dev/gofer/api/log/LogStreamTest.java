package dev.gofer.api.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.gofer.api.log.SseTestClient.SseEvent;
import dev.gofer.api.log.persistence.TaskLogRepository;
import dev.gofer.api.log.service.LogService;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventHeaders;
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
import dev.gofer.testsupport.KafkaTestClient;

/**
 * Task logs against a real broker and database: the worker is played by publishing its records (started, log chunks,
 * exited), the reader is a real SSE client over HTTP.
 */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class LogStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int LINES = 10_000;
    private static final int CHUNK = 500;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static EventPublisher publisher;

    @Inject
    TaskLogRepository logs;

    @Inject
    LogService logService;

    @BeforeAll
    static void clients() {
        publisher = EventPublisher.create(bootstrap(), "log-stream-test", 0);
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    @Test
    void shouldDeliverEveryLineOnceWhenFollowerReconnectsMidStreamAndChunksAreRedelivered() throws IOException {
        TaskRunRef ref = startTaskRun("logs-follow");
        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunStarted(ref, 1, "worker-t", "c0ffee"));
        List<LogChunk> chunks = chunks(ref, 1, LINES, CHUNK);

        // A follower from the start, reading live, goes away in the middle of a page after 2,345 lines.
        SseTestClient first = SseTestClient.connect(streamUri(ref, ""), null, 2345);
        for (LogChunk chunk : chunks.subList(0, 10)) {
            publish(Topics.TASK_RUN_LOGS, ref, chunk);
        }
        await().atMost(WAIT).until(first::done);
        assertThat(first.status()).isEqualTo(200);

        // Redelivery: the same envelope twice, chunks again with new event ids, and a chunk straddling two others.
        Envelope<LogChunk> again = Envelope.of(ref.key(), chunks.get(3));
        publisher.publishAndWait(Topics.TASK_RUN_LOGS, again, WAIT);
        publisher.publishAndWait(Topics.TASK_RUN_LOGS, again, WAIT);
        chunks.subList(4, 7).forEach(chunk -> publish(Topics.TASK_RUN_LOGS, ref, chunk));
        publish(Topics.TASK_RUN_LOGS, ref, new LogChunk(ref, 1, lines(4801, 5200)));

        // It comes back with the last id it received, while the rest is being written.
        SseTestClient second = SseTestClient.connect(streamUri(ref, ""), first.lastEventId(), 0);
        for (LogChunk chunk : chunks.subList(10, chunks.size())) {
            publish(Topics.TASK_RUN_LOGS, ref, chunk);
        }
        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunExited(ref, 1, "worker-t", 0, LINES));

        await().atMost(WAIT).until(second::completed);
        List<SseEvent> events = new ArrayList<>(first.lineEvents());
        events.addAll(second.lineEvents());
        List<JsonNode> received = events.stream().map(e -> json(e.data())).toList();
        assertThat(first.lastEventId()).isEqualTo("2345");
        assertThat(events).extracting(SseEvent::id).containsExactlyElementsOf(
                LongStream.rangeClosed(1, LINES).mapToObj(Long::toString).toList());
        assertThat(received).extracting(n -> n.get("seq").asLong())
                .containsExactlyElementsOf(LongStream.rangeClosed(1, LINES).boxed().toList());
        assertThat(received).extracting(n -> n.get("text").asText()).containsExactlyElementsOf(texts(1, LINES));
        assertThat(received).extracting(n -> n.get("stream").asText())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, LINES).mapToObj(i -> stream(i).wire()).toList());
        assertThat(received).allSatisfy(n -> assertThat(n.get("at").asLong()).isPositive());
        SseEvent end = second.events().get(second.events().size() - 1);
        assertThat(end.event()).isEqualTo("end");
        assertThat(json(end.data()).get("lines").asLong()).isEqualTo(LINES);

        // The download (and the paged one) has every line once, in order; the task run knows its log is complete.
        String text = given().get(logsPath(ref)).then().statusCode(200).extract().asString();
        assertThat(text.lines().toList()).containsExactlyElementsOf(texts(1, LINES));
        assertThat(text).endsWith("\n");
        ByteArrayOutputStream paged = new ByteArrayOutputStream();
        logService.writeText(logService.find(ref.namespaceId(), ref.pipelineId(), ref.runId(), ref.taskId())
                .orElseThrow(), paged);
        assertThat(paged.toString(StandardCharsets.UTF_8)).isEqualTo(text);
        await().atMost(WAIT).until(() -> taskRun(ref).getBoolean("logs.complete"));
        assertThat(taskRun(ref).getLong("logs.lines")).isEqualTo(LINES);
    }

    @Test
    void shouldReplayFromResumePointAndEndWhenTaskRunIsAlreadyComplete() {
        TaskRunRef ref = startTaskRun("logs-replay");
        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunStarted(ref, 1, "worker-t", "c0ffee"));
        List<LogLine> lines = new ArrayList<>(lines(1, 4));
        lines.add(new LogLine(5, LogStream.STDOUT, "a NUL\0in the middle", Instant.now()));
        publish(Topics.TASK_RUN_LOGS, ref, new LogChunk(ref, 1, lines));
        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunExited(ref, 1, "worker-t", 0, 5));
        await().atMost(WAIT).until(() -> taskRun(ref).getBoolean("logs.complete"));
        assertThat(given().get(logsPath(ref)).then().statusCode(200).extract().asString().lines())
                .containsExactly(text(1), text(2), text(3), text(4), "a NUL\uFFFDin the middle");

        SseTestClient all = SseTestClient.connect(streamUri(ref, ""));
        SseTestClient afterQuery = SseTestClient.connect(streamUri(ref, "?after=3"));
        SseTestClient headerWins = SseTestClient.connect(streamUri(ref, "?after=1"), "4", 0);
        SseTestClient pastTheEnd = SseTestClient.connect(streamUri(ref, "?after=99"));

        await().atMost(WAIT).until(() -> all.completed() && afterQuery.completed() && headerWins.completed()
                && pastTheEnd.completed());
        assertThat(all.lineEvents()).extracting(SseEvent::id).containsExactly("1", "2", "3", "4", "5");
        assertThat(afterQuery.lineEvents()).extracting(SseEvent::id).containsExactly("4", "5");
        assertThat(headerWins.lineEvents()).extracting(SseEvent::id).containsExactly("5");
        assertThat(pastTheEnd.lineEvents()).isEmpty();
        assertThat(pastTheEnd.events()).singleElement().satisfies(e -> assertThat(e.event()).isEqualTo("end"));
        assertThat(all.events()).last().satisfies(e -> {
            assertThat(e.event()).isEqualTo("end");
            assertThat(e.data()).isEqualTo("{\"lines\":5}");
        });
    }

    @Test
    void shouldShowNoLinesAndStoreNoLateLinesWhenLogsAreRemoved() {
        TaskRunRef ref = startTaskRun("logs-remove");
        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunStarted(ref, 1, "worker-t", "c0ffee"));
        publish(Topics.TASK_RUN_LOGS, ref, new LogChunk(ref, 1, lines(1, 300)));
        await().atMost(WAIT).until(() -> taskRun(ref).getLong("logs.lines") == 300
                && "running".equals(taskRun(ref).getString("state")));
        given().delete(logsPath(ref)).then().statusCode(409).contentType("application/problem+json")
                .body("detail", equalTo("task run 'print' of run " + ref.runId() + " is running; its logs can be"
                        + " removed once it is complete"));

        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunExited(ref, 1, "worker-t", 0, 300));
        await().atMost(WAIT).until(() -> "complete".equals(taskRun(ref).getString("state")));
        given().delete(logsPath(ref)).then().statusCode(204);

        given().get(logsPath(ref)).then().statusCode(200).body(equalTo(""));
        assertThat(taskRun(ref).getLong("logs.lines")).isZero();
        SseTestClient stream = SseTestClient.connect(streamUri(ref, ""));
        await().atMost(WAIT).until(stream::completed);
        assertThat(stream.lineEvents()).isEmpty();
        assertThat(stream.events()).singleElement().satisfies(e -> {
            assertThat(e.event()).isEqualTo("end");
            assertThat(e.data()).isEqualTo("{\"lines\":0}");
        });

        // A chunk of the removed attempt arriving late stores nothing; the next record on the same partition (of
        // another attempt) shows that the late one has been handled.
        publish(Topics.TASK_RUN_LOGS, ref, new LogChunk(ref, 1, lines(1, 300)));
        publish(Topics.TASK_RUN_LOGS, ref, new LogChunk(ref, 2, lines(1, 7)));
        await().atMost(WAIT).until(() -> QuarkusTransaction.requiringNew().call(() -> logs.count(ref, 2)) == 7);
        assertThat(QuarkusTransaction.requiringNew().call(() -> logs.count(ref, 1))).isZero();
        given().get(logsPath(ref)).then().statusCode(200).body(equalTo(""));
    }

    @Test
    void shouldDeadLetterChunkWithReasonWhenTaskRunDoesNotExist() {
        TaskRunRef ghost = new TaskRunRef("default", "no-such-pipeline", 1, "ghost");

        publish(Topics.TASK_RUN_LOGS, ghost, new LogChunk(ghost, 1, lines(1, 3)));

        KafkaTestClient kafka = new KafkaTestClient(bootstrap());
        await().atMost(WAIT).untilAsserted(() -> assertThat(kafka.readAll(Topics.dlq(Topics.TASK_RUN_LOGS),
                Duration.ofSeconds(5))).filteredOn(r -> ghost.key().equals(r.key())).singleElement()
                .satisfies(r -> assertThat(EventHeaders.read(r.headers(), "dead-letter-reason"))
                        .isEqualTo("task run 'default/no-such-pipeline/1/ghost' does not exist")));
    }

    @Test
    void shouldAnswerProblemWhenTaskRunIsUnknownOrResumePointIsNotASequenceNumber() {
        TaskRunRef ref = startTaskRun("logs-bad");

        given().header("Last-Event-ID", "abc").get(logsPath(ref) + "/stream").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("Last-Event-ID"));
        given().get(logsPath(ref) + "/stream?after=-1").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("after"));
        TaskRunRef unknown = new TaskRunRef(ref.namespaceId(), ref.pipelineId(), ref.runId(), "nope");
        given().get(logsPath(unknown) + "/stream").then().statusCode(404).contentType("application/problem+json");
        given().delete(logsPath(unknown)).then().statusCode(404).contentType("application/problem+json");
    }

    /** Registers (and deploys) a one-task pipeline, starts a run and answers its task run {@code print}. */
    private static TaskRunRef startTaskRun(String pipelineId) {
        given().contentType(ContentType.JSON).queryParam("deploy", true)
                .body("{\"id\":\"" + pipelineId + "\",\"name\":\"Logs\",\"parallelism\":0,\"tasks\":[{\"id\":\"print\","
                        + "\"image\":\"local/busybox:latest\",\"command\":[\"seq\",\"1\",\"10000\"]}]}")
                .post("/api/namespaces/default/pipelines/{p}/configs", pipelineId).then().statusCode(201);
        long runId = given().contentType(ContentType.JSON).body("{}")
                .post("/api/namespaces/default/pipelines/{p}/runs", pipelineId).then().statusCode(201).extract()
                .jsonPath().getLong("run.run_id");
        return new TaskRunRef("default", pipelineId, runId, "print");
    }

    private static List<LogChunk> chunks(TaskRunRef ref, int attempt, int lines, int perChunk) {
        List<LogChunk> chunks = new ArrayList<>();
        for (int from = 1; from <= lines; from += perChunk) {
            chunks.add(new LogChunk(ref, attempt, lines(from, Math.min(lines, from + perChunk - 1))));
        }
        return chunks;
    }

    private static List<LogLine> lines(int from, int to) {
        Instant at = Instant.now();
        return IntStream.rangeClosed(from, to).mapToObj(i -> new LogLine(i, stream(i), text(i), at)).toList();
    }

    private static LogStream stream(int i) {
        return i % 3 == 0 ? LogStream.STDERR : LogStream.STDOUT;
    }

    private static String text(int i) {
        return String.format("line %05d of %d \"quoted\" é", i, LINES);
    }

    private static List<String> texts(int from, int to) {
        return IntStream.rangeClosed(from, to).mapToObj(LogStreamTest::text).toList();
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }

    private static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + data, e);
        }
    }

    private static void publish(String topic, TaskRunRef ref, EventPayload payload) {
        publisher.publishAndWait(topic, Envelope.of(ref.key(), payload), WAIT);
    }

    private static String logsPath(TaskRunRef ref) {
        return "/api/namespaces/" + ref.namespaceId() + "/pipelines/" + ref.pipelineId() + "/runs/" + ref.runId()
                + "/tasks/" + ref.taskId() + "/logs";
    }

    private static URI streamUri(TaskRunRef ref, String query) {
        return URI.create("http://localhost:" + RestAssured.port + logsPath(ref) + "/stream" + query);
    }

    private static JsonPath taskRun(TaskRunRef ref) {
        return given().get("/api/namespaces/{ns}/pipelines/{p}/runs/{r}/tasks/{t}", ref.namespaceId(),
                ref.pipelineId(), ref.runId(), ref.taskId()).then().statusCode(200).extract().jsonPath()
                .setRootPath("task_run");
    }
}
