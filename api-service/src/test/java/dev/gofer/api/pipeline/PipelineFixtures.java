package dev.gofer.api.pipeline;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventPayload;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.KafkaTestClient;

/**
 * Test steps shared by the pipeline and namespace tests: register configs, start runs through the API, and play the
 * worker (publish its status records) to finish a run.
 */
public final class PipelineFixtures {

    public static final Duration WAIT = Duration.ofSeconds(20);

    private PipelineFixtures() {
    }

    public static String pipelinePath(String namespaceId, String pipelineId) {
        return "/api/namespaces/" + namespaceId + "/pipelines/" + pipelineId;
    }

    /** A pipeline body with one task {@code only} running {@code image} with {@code command}. */
    public static String oneTask(String pipelineId, String image, String command) {
        return "{\"id\":\"" + pipelineId + "\",\"name\":\"Test " + pipelineId + "\",\"parallelism\":0,"
                + "\"tasks\":[{\"id\":\"only\",\"image\":\"" + image + "\",\"command\":[\"echo\",\"" + command
                + "\"]}]}";
    }

    /** Registers a config and answers its version. */
    public static int register(String namespaceId, String pipelineId, String body, boolean deploy) {
        return given().contentType(ContentType.JSON).body(body).queryParam("deploy", deploy)
                .post(pipelinePath(namespaceId, pipelineId) + "/configs").then().statusCode(201).extract().jsonPath()
                .getInt("config.version");
    }

    /** Starts a run through the API and answers its id. */
    public static long startRun(String namespaceId, String pipelineId) {
        return given().contentType(ContentType.JSON).body("{}").post(pipelinePath(namespaceId, pipelineId) + "/runs")
                .then().statusCode(201).extract().jsonPath().getLong("run.run_id");
    }

    public static String runState(String namespaceId, String pipelineId, long runId) {
        return given().get(pipelinePath(namespaceId, pipelineId) + "/runs/{r}", runId).jsonPath()
                .getString("run.state");
    }

    /** The task runs dispatched to store-service whose key starts with the prefix. */
    public static List<TaskRunToResolve> dispatched(String keyPrefix) {
        return kafka().readAll(Topics.TASK_RUNS_RESOLVE, Duration.ofSeconds(10)).stream()
                .filter(r -> r.key().startsWith(keyPrefix)).map(r -> EventCodec.decode(r.value()).payload())
                .map(TaskRunToResolve.class::cast).toList();
    }

    /** Plays the worker for the run's task {@code only}: it starts and exits 0; waits until the run is complete. */
    public static void finishRun(String namespaceId, String pipelineId, long runId) {
        TaskRunRef ref = new TaskRunRef(namespaceId, pipelineId, runId, "only");
        await().atMost(WAIT).until(() -> dispatched(ref.key()).size() == 1);
        try (EventPublisher publisher = EventPublisher.create(bootstrap(), "pipeline-fixtures", 0)) {
            publish(publisher, ref, new TaskRunStarted(ref, 1, "worker-t", "c0ffee"));
            publish(publisher, ref, new TaskRunExited(ref, 1, "worker-t", 0, 0));
        }
        await().atMost(WAIT).until(() -> "complete".equals(runState(namespaceId, pipelineId, runId)));
    }

    /** The types of the domain events on {@code gofer.events} with this key, in the order they were published. */
    public static List<String> domainEvents(String key) {
        return kafka().readAll(Topics.EVENTS, Duration.ofSeconds(10)).stream().filter(r -> key.equals(r.key()))
                .map(r -> EventCodec.decode(r.value()).type()).toList();
    }

    public static KafkaTestClient kafka() {
        return new KafkaTestClient(bootstrap());
    }

    private static void publish(EventPublisher publisher, TaskRunRef ref, EventPayload payload) {
        publisher.publishAndWait(Topics.TASK_RUN_STATUS, Envelope.of(ref.key(), payload), WAIT);
    }

    private static String bootstrap() {
        return ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
    }
}
