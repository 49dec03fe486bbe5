package dev.gofer.api.log;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

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

/** Log retention with two runs kept: the worker is played by publishing its records. */
@QuarkusTest
@TestProfile(LogRetentionTest.KeepTwoRuns.class)
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class LogRetentionTest {

    public static class KeepTwoRuns implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gofer.api.log-retention-runs", "2");
        }
    }

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final String PIPELINE = "logs-retention";
    private static EventPublisher publisher;

    @BeforeAll
    static void clients() {
        publisher = EventPublisher.create(
                ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class), "retention-test", 0);
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    @Test
    void shouldExpireLogsOfCompleteRunsOnceTwoNewerRunsExistAndKeepRunningOnes() {
        register();
        TaskRunRef first = startRun();
        finish(first, true);
        TaskRunRef second = startRun();
        finish(second, false);
        assertThat(logs(first)).hasSize(3);

        TaskRunRef third = startRun();
        await().atMost(WAIT).until(() -> taskRun(first).getBoolean("logs.expired"));
        assertThat(taskRun(first).getBoolean("logs.removed")).isTrue();
        assertThat(taskRun(first).getLong("logs.lines")).isZero();
        assertThat(logs(first)).isEmpty();
        assertThat(run(first).getBoolean("logs_expired")).isTrue();

        TaskRunRef fourth = startRun();
        finish(third, true);
        finish(fourth, true);
        // The second run has two newer runs but still runs: its lines stay until it is complete.
        assertThat(logs(second)).hasSize(3);
        assertThat(taskRun(second).getBoolean("logs.expired")).isFalse();

        publish(Topics.TASK_RUN_STATUS, second, new TaskRunExited(second, 1, "worker-t", 0, 3));
        await().atMost(WAIT).until(() -> taskRun(second).getBoolean("logs.expired"));
        assertThat(logs(second)).isEmpty();
        assertThat(logs(third)).hasSize(3);
        assertThat(logs(fourth)).hasSize(3);
        assertThat(taskRun(third).getBoolean("logs.removed")).isFalse();
    }

    private static void register() {
        given().contentType(ContentType.JSON).queryParam("deploy", true)
                .body("{\"id\":\"" + PIPELINE + "\",\"name\":\"Retention\",\"parallelism\":0,\"tasks\":[{\"id\":"
                        + "\"print\",\"image\":\"local/busybox:latest\",\"command\":[\"seq\",\"1\",\"3\"]}]}")
                .post("/api/namespaces/default/pipelines/{p}/configs", PIPELINE).then().statusCode(201);
    }

    private static TaskRunRef startRun() {
        long runId = given().contentType(ContentType.JSON).body("{}")
                .post("/api/namespaces/default/pipelines/{p}/runs", PIPELINE).then().statusCode(201).extract()
                .jsonPath().getLong("run.run_id");
        return new TaskRunRef("default", PIPELINE, runId, "print");
    }

    /** Plays the worker: started and three lines; exited too when {@code exit}. */
    private static void finish(TaskRunRef ref, boolean exit) {
        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunStarted(ref, 1, "worker-t", "c0ffee"));
        Instant at = Instant.now();
        publish(Topics.TASK_RUN_LOGS, ref, new LogChunk(ref, 1,
                IntStream.rangeClosed(1, 3).mapToObj(i -> new LogLine(i, LogStream.STDOUT, "line " + i, at)).toList()));
        if (exit) {
            publish(Topics.TASK_RUN_STATUS, ref, new TaskRunExited(ref, 1, "worker-t", 0, 3));
            await().atMost(WAIT).until(() -> "complete".equals(run(ref).getString("state"))
                    && taskRun(ref).getBoolean("logs.complete"));
        } else {
            await().atMost(WAIT).until(() -> taskRun(ref).getLong("logs.lines") == 3);
        }
    }

    private static void publish(String topic, TaskRunRef ref, EventPayload payload) {
        publisher.publishAndWait(topic, Envelope.of(ref.key(), payload), WAIT);
    }

    private static List<String> logs(TaskRunRef ref) {
        return given().get("/api/namespaces/{ns}/pipelines/{p}/runs/{r}/tasks/{t}/logs", ref.namespaceId(),
                ref.pipelineId(), ref.runId(), ref.taskId()).then().statusCode(200).extract().asString().lines()
                .toList();
    }

    private static JsonPath run(TaskRunRef ref) {
        return given().get("/api/namespaces/{ns}/pipelines/{p}/runs/{r}", ref.namespaceId(), ref.pipelineId(),
                ref.runId()).then().statusCode(200).extract().jsonPath().setRootPath("run");
    }

    private static JsonPath taskRun(TaskRunRef ref) {
        return given().get("/api/namespaces/{ns}/pipelines/{p}/runs/{r}/tasks/{t}", ref.namespaceId(),
                ref.pipelineId(), ref.runId(), ref.taskId()).then().statusCode(200).extract().jsonPath()
                .setRootPath("task_run");
    }
}
