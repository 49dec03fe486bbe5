package dev.gofer.api.run;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.api.token.AdminTokenForTests;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventPayload;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.RunChanged;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.KafkaTestClient;

/** Pending runs behind a parallelism limit, cancellation and fencing, and the domain events they record. */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class QueueAndCancelTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static EventPublisher publisher;
    private static KafkaTestClient kafka;

    @TestHTTPResource("/api/events")
    URI events;

    @BeforeAll
    static void clients() {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        publisher = EventPublisher.create(bootstrap, "queue-cancel-test", 0);
        kafka = new KafkaTestClient(bootstrap);
    }

    @AfterAll
    static void close() {
        publisher.close();
    }

    private static <T extends EventPayload> List<T> read(String topic, String keyPrefix, Class<T> type) {
        return kafka.readAll(topic, Duration.ofSeconds(10)).stream().filter(r -> r.key().startsWith(keyPrefix))
                .map(r -> EventCodec.decode(r.value()).payload()).filter(type::isInstance).map(type::cast).toList();
    }

    private static String runState(String pipeline, long run) {
        return given().get("/api/namespaces/default/pipelines/{p}/runs/{r}", pipeline, run).jsonPath()
                .getString("run.state");
    }

    @Test
    void shouldQueueSecondRunAndStartItWhenFirstIsCancelled() {
        Instant before = Instant.now();
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"queued\",\"name\":\"Queued\",\"parallelism\":1,\"tasks\":"
                        + "[{\"id\":\"work\",\"image\":\"local/busybox:latest\",\"command\":[\"sleep\",\"60\"]}]}")
                .post("/api/namespaces/default/pipelines/queued/configs?deploy=true").then().statusCode(201);
        given().contentType(ContentType.JSON).body("{}").post("/api/namespaces/default/pipelines/queued/runs").then()
                .statusCode(201).body("run.state", equalTo("running"));
        given().contentType(ContentType.JSON).body("{}").post("/api/namespaces/default/pipelines/queued/runs").then()
                .statusCode(201).body("run.state", equalTo("pending")).body("run.started", equalTo(0));
        given().get("/api/namespaces/default/pipelines/queued/runs?limit=1").then().statusCode(200)
                .body("runs.size()", equalTo(1)).body("runs[0].run_id", equalTo(2));

        // Run 1's task starts on a worker, then the run is cancelled: the worker is told to stop it.
        TaskRunRef first = new TaskRunRef("default", "queued", 1, "work");
        await().atMost(WAIT).until(() -> read(Topics.TASK_RUNS_RESOLVE, first.key(), TaskRunToResolve.class)
                .size() == 1);
        publisher.publishAndWait(Topics.TASK_RUN_STATUS, Envelope.of(first.key(),
                new TaskRunStarted(first, 1, "worker-q", "c1")), WAIT);
        await().atMost(WAIT).until(() -> "running".equals(given()
                .get("/api/namespaces/default/pipelines/queued/runs/1/tasks/work").jsonPath()
                .getString("task_run.state")));
        given().delete("/api/namespaces/default/pipelines/queued/runs/1?grace=3").then().statusCode(204);
        await().atMost(WAIT).until(() -> read(Topics.TASK_RUNS_CANCEL, first.key(), TaskRunCancel.class).size() == 1);
        assertThat(read(Topics.TASK_RUNS_CANCEL, first.key(), TaskRunCancel.class).get(0))
                .isEqualTo(new TaskRunCancel(first, 1, 3, "user_cancelled"));
        assertThat(runState("queued", 2)).as("still waiting for the slot").isEqualTo("pending");

        // The worker reports the stopped container's exit: cancelled, and run 2 takes the slot.
        publisher.publishAndWait(Topics.TASK_RUN_STATUS, Envelope.of(first.key(),
                new TaskRunExited(first, 1, "worker-q", 143, 0)), WAIT);
        await().atMost(WAIT).until(() -> "complete".equals(runState("queued", 1)));
        given().get("/api/namespaces/default/pipelines/queued/runs/1").then().body("run.status", equalTo("cancelled"))
                .body("run.status_reason.reason", equalTo("user_cancelled"));
        given().get("/api/namespaces/default/pipelines/queued/runs/1/tasks/work").then()
                .body("task_run.status", equalTo("cancelled")).body("task_run.exit_code", equalTo(143));
        await().atMost(WAIT).until(() -> "running".equals(runState("queued", 2)));
        TaskRunRef second = new TaskRunRef("default", "queued", 2, "work");
        await().atMost(WAIT).until(() -> read(Topics.TASK_RUNS_RESOLVE, second.key(), TaskRunToResolve.class)
                .size() == 1);

        // Run 2 is cancelled before its container starts; when a worker starts it anyway, it is fenced.
        given().delete("/api/namespaces/default/pipelines/queued/runs/2?grace=0").then().statusCode(204);
        await().atMost(WAIT).until(() -> "complete".equals(runState("queued", 2)));
        publisher.publishAndWait(Topics.TASK_RUN_STATUS, Envelope.of(second.key(),
                new TaskRunStarted(second, 1, "worker-late", "c2")), WAIT);
        await().atMost(WAIT).until(() -> read(Topics.TASK_RUNS_CANCEL, second.key(), TaskRunCancel.class)
                .size() == 2);

        // Every step is a domain event, on the topic and in the API's event stream.
        List<String> kinds = read(Topics.EVENTS, "default/queued/1", RunChanged.class).stream()
                .map(RunChanged::kind).toList();
        assertThat(kinds).containsExactly(RunChanged.QUEUED, RunChanged.STARTED, RunChanged.CANCELLING,
                RunChanged.COMPLETED);
        String stream = historyOfEventsSince(before);
        assertThat(stream.replace("event: ", "event:")).contains("event:run.queued", "event:run.started",
                "event:task-run.running",
                "event:task-run.completed", "event:run.completed", "\"key\":\"default/queued/2\"");
    }

    @Test
    void shouldAnswerProblemWhenCancellingUnknownRunOrWithBadGrace() {
        given().delete("/api/namespaces/default/pipelines/nothing-here/runs/9").then().statusCode(404)
                .contentType("application/problem+json");
        given().delete("/api/namespaces/default/pipelines/nothing-here/runs/9?grace=-1").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("grace"));
    }

    private String historyOfEventsSince(Instant since) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest
                    .newBuilder(URI.create(events + "?follow=false&since=" + since)).timeout(Duration.ofSeconds(20))
                    .header("Accept", "text/event-stream")
                    .header("Authorization", "Bearer " + AdminTokenForTests.admin()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            return response.body();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
