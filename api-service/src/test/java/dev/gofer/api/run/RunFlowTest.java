package dev.gofer.api.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventHeaders;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.FailureReason;
import dev.gofer.events.LogChunk;
import dev.gofer.events.LogLine;
import dev.gofer.events.LogStream;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.events.Variable;
import dev.gofer.events.VariableSource;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.KafkaTestClient;

/**
 * The orchestrator against a real broker and database. store-service and the workers are played by publishing the
 * records they would publish (the contract), so every step of the DAG walk can be observed.
 */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class RunFlowTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static EventPublisher publisher;
    private static KafkaTestClient kafka;

    @BeforeAll
    static void clients() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        publisher = EventPublisher.create(bootstrap, "run-flow-test", 0);
        kafka = new KafkaTestClient(bootstrap);
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    private static void register(String pipelineId, String tasksJson) {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + pipelineId + "\",\"name\":\"Test\",\"parallelism\":0,\"tasks\":" + tasksJson
                        + "}")
                .post("/api/namespaces/default/pipelines/{p}/configs?deploy=true", pipelineId).then().statusCode(201);
    }

    private static List<TaskRunToResolve> toResolve(String keyPrefix) {
        return kafka.readAll(Topics.TASK_RUNS_RESOLVE, Duration.ofSeconds(10)).stream()
                .filter(r -> r.key().startsWith(keyPrefix)).map(r -> EventCodec.decode(r.value()).payload())
                .map(TaskRunToResolve.class::cast).toList();
    }

    private static JsonPath taskRun(String pipeline, long run, String task) {
        return given().get("/api/namespaces/default/pipelines/{p}/runs/{r}/tasks/{t}", pipeline, run, task).then()
                .statusCode(200).extract().jsonPath().setRootPath("task_run");
    }

    private static void publish(String topic, TaskRunRef ref, dev.gofer.events.EventPayload payload) {
        publisher.publishAndWait(topic, Envelope.of(ref.key(), payload), WAIT);
    }

    @Test
    void shouldWalkDagAndFailRunWhenTaskExitsNonZero() {
        register("flow", """
                [{"id":"build","image":"local/busybox:latest","command":["sh","-c","exit 3"],
                  "variables":{"COLOR":"blue","GOFER_TASK_IMAGE":"from-config","TOKEN":"pipeline_secret{{token}}"}},
                 {"id":"deploy","image":"local/busybox:latest","depends_on":{"build":"success"}},
                 {"id":"notify","image":"local/busybox:latest","depends_on":{"build":"failure"}}]""");

        long runId = given().contentType(ContentType.JSON).body("{\"variables\":{\"color\":\"red\"}}")
                .post("/api/namespaces/default/pipelines/flow/runs").then().statusCode(201)
                .body("run.state", equalTo("running")).body("run.initiator.kind", equalTo("api"))
                .extract().jsonPath().getLong("run.run_id");

        // Only the root is dispatched, with the environment stacked system < config < run.
        await().atMost(WAIT).until(() -> toResolve("default/flow/" + runId + "/").size() == 1);
        TaskRunToResolve build = toResolve("default/flow/" + runId + "/").get(0);
        assertThat(build.taskRun().taskId()).isEqualTo("build");
        assertThat(build.command()).containsExactly("sh", "-c", "exit 3");
        assertThat(build.variables()).contains(new Variable("GOFER_NAMESPACE_ID", "default", VariableSource.SYSTEM),
                new Variable("GOFER_PIPELINE_ID", "flow", VariableSource.SYSTEM),
                new Variable("GOFER_RUN_ID", Long.toString(runId), VariableSource.SYSTEM),
                new Variable("GOFER_TASK_ID", "build", VariableSource.SYSTEM),
                new Variable("GOFER_TASK_IMAGE", "from-config", VariableSource.PIPELINE_CONFIG),
                new Variable("color", "red", VariableSource.RUN_OPTIONS),
                new Variable("TOKEN", "pipeline_secret{{token}}", VariableSource.PIPELINE_CONFIG));
        assertThat(build.variables()).extracting(Variable::key).doesNotContain("COLOR");
        assertThat(taskRun("flow", runId, "build").getString("state")).isEqualTo("processing");
        assertThat(taskRun("flow", runId, "deploy").getString("state")).isEqualTo("waiting");

        // The worker reports: started, two log lines, exit 3.
        TaskRunRef ref = build.taskRun();
        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunStarted(ref, 1, "worker-t", "c0ffee"));
        publish(Topics.TASK_RUN_LOGS, ref, new LogChunk(ref, 1, List.of(
                new LogLine(1, LogStream.STDOUT, "building", Instant.now()),
                new LogLine(2, LogStream.STDERR, "boom", Instant.now()))));
        publish(Topics.TASK_RUN_STATUS, ref, new TaskRunExited(ref, 1, "worker-t", 3, 2));

        await().atMost(WAIT).until(() -> "complete".equals(taskRun("flow", runId, "build").getString("state")));
        JsonPath failed = taskRun("flow", runId, "build");
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getInt("exit_code")).isEqualTo(3);
        assertThat(failed.getString("status_reason.reason")).isEqualTo("abnormal_exit");
        assertThat(failed.getString("worker_id")).isEqualTo("worker-t");
        JsonPath skipped = taskRun("flow", runId, "deploy");
        assertThat(skipped.getString("status")).isEqualTo("skipped");
        assertThat(skipped.getString("status_reason.reason")).isEqualTo("failed_precondition");
        assertThat(skipped.getString("status_reason.description"))
                .isEqualTo("parent 'build' ended failed; this task requires success");

        // The failure branch runs; its reference cannot be resolved; the run ends failed.
        await().atMost(WAIT).until(() -> toResolve("default/flow/" + runId + "/notify").size() == 1);
        TaskRunRef notify = new TaskRunRef("default", "flow", runId, "notify");
        publish(Topics.TASK_RUN_STATUS, notify, new TaskRunFailed(notify, 1, FailureReason.FAILED_PRECONDITION,
                "pipeline secret 'hook' not found (variable HOOK)", "store-service"));

        await().atMost(WAIT).until(() -> "complete".equals(given()
                .get("/api/namespaces/default/pipelines/flow/runs/{r}", runId).jsonPath().getString("run.state")));
        given().get("/api/namespaces/default/pipelines/flow/runs/{r}", runId).then()
                .body("run.status", equalTo("failed")).body("run.status_reason.reason", equalTo("abnormal_exit"))
                .body("run.variables[0].source", equalTo("run_options"));
        assertThat(taskRun("flow", runId, "notify").getString("status_reason.description"))
                .isEqualTo("pipeline secret 'hook' not found (variable HOOK)");

        await().atMost(WAIT).until(() -> taskRun("flow", runId, "build").getBoolean("logs.complete"));
        given().get("/api/namespaces/default/pipelines/flow/runs/{r}/tasks/build/logs", runId).then()
                .statusCode(200).body(equalTo("building\nboom\n"));
    }

    @Test
    void shouldStartOneRunWhenOutsideProducerPublishesSameRequestTwice() {
        register("external", "[{\"id\":\"only\",\"image\":\"local/busybox:latest\"}]");
        String json = """
                {"event_id":"ext-req-42","type":"run.requested","version":1,"occurred_at":"2026-11-28T09:00:00Z",
                 "key":"default/external","payload":{"namespace_id":"default","pipeline_id":"external",
                 "variables":{"FROM":"billing"},"initiator":{"kind":"external","name":"billing"}}}""";

        kafka.send(Topics.RUN_REQUESTS, "default/external", json.getBytes(StandardCharsets.UTF_8), Map.of());
        kafka.send(Topics.RUN_REQUESTS, "default/external", json.getBytes(StandardCharsets.UTF_8), Map.of());

        await().atMost(WAIT).untilAsserted(() -> given().get("/api/namespaces/default/pipelines/external/runs/1")
                .then().statusCode(200).body("run.initiator.name", equalTo("billing")));
        await().atMost(WAIT).until(() -> toResolve("default/external/1/only").size() == 1);
        given().get("/api/namespaces/default/pipelines/external/runs/2").then().statusCode(404)
                .contentType("application/problem+json");
        assertThat(toResolve("default/external/1/only").get(0).variables())
                .contains(new Variable("FROM", "billing", VariableSource.RUN_OPTIONS));
    }

    @Test
    void shouldDeadLetterWithReasonWhenRunRequestIsMalformedOrForUnknownPipeline() {
        kafka.send(Topics.RUN_REQUESTS, "default/garbage", "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
        String unknown = """
                {"event_id":"ext-unknown-1","type":"run.requested","version":1,"occurred_at":"2026-11-28T09:00:00Z",
                 "key":"default/no-such-pipeline","payload":{"namespace_id":"default","pipeline_id":"no-such-pipeline"}}""";
        kafka.send(Topics.RUN_REQUESTS, "default/no-such-pipeline", unknown.getBytes(StandardCharsets.UTF_8),
                Map.of());

        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = kafka.readAll(Topics.dlq(Topics.RUN_REQUESTS),
                    Duration.ofSeconds(5));
            assertThat(dead).filteredOn(r -> "default/garbage".equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(EventHeaders.read(r.headers(), "dead-letter-reason"))
                            .startsWith("malformed JSON"));
            assertThat(dead).filteredOn(r -> "default/no-such-pipeline".equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(EventHeaders.read(r.headers(), "dead-letter-reason"))
                            .isEqualTo("pipeline 'default/no-such-pipeline' does not exist"));
        });
        // The consumer goes on: a good request after the bad ones still starts a run.
        register("after-bad", "[{\"id\":\"only\",\"image\":\"local/busybox:latest\"}]");
        given().contentType(ContentType.JSON).body("{}").post("/api/namespaces/default/pipelines/after-bad/runs")
                .then().statusCode(201).body("run.run_id", equalTo(1));
    }

    @Test
    void shouldAnswerNotFoundProblemWhenStartingRunOfUnknownPipeline() {
        given().contentType(ContentType.JSON).body("{}").post("/api/namespaces/default/pipelines/nobody/runs").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", equalTo("pipeline 'default/nobody' does not exist"));
    }
}
