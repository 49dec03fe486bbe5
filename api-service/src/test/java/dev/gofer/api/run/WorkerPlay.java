package dev.gofer.api.run;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventPayload;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.events.WorkerHeartbeat;
import dev.gofer.events.WorkerHeartbeat.HeldAttempt;
import dev.gofer.testsupport.KafkaTestClient;

/**
 * Plays store-service's and the workers' side for the reliability tests: publishes status records and heartbeats,
 * reads what api-service dispatched and cancelled (by exact task-run key), and reads task runs over REST.
 */
final class WorkerPlay implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    /** A dispatch as read back from the topic, with the time the broker got it. */
    record Dispatch(TaskRunToResolve payload, long timestamp) {
    }

    private final EventPublisher publisher;
    private final KafkaTestClient kafka;

    WorkerPlay(String clientId) {
        String bootstrap = ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class);
        publisher = EventPublisher.create(bootstrap, clientId, 0);
        kafka = new KafkaTestClient(bootstrap);
    }

    KafkaTestClient kafka() {
        return kafka;
    }

    static void register(String pipelineId, String tasksJson) {
        given().contentType(ContentType.JSON)
                .body("{\"id\":\"" + pipelineId + "\",\"name\":\"Test\",\"parallelism\":0,\"tasks\":" + tasksJson
                        + "}")
                .post("/api/namespaces/default/pipelines/{p}/configs?deploy=true", pipelineId).then().statusCode(201);
    }

    static long startRun(String pipelineId) {
        return given().contentType(ContentType.JSON).body("{}")
                .post("/api/namespaces/default/pipelines/{p}/runs", pipelineId).then().statusCode(201).extract()
                .jsonPath().getLong("run.run_id");
    }

    static JsonPath taskRun(TaskRunRef ref) {
        return given().get("/api/namespaces/default/pipelines/{p}/runs/{r}/tasks/{t}", ref.pipelineId(), ref.runId(),
                ref.taskId()).then().statusCode(200).extract().jsonPath().setRootPath("task_run");
    }

    static JsonPath run(TaskRunRef ref) {
        return given().get("/api/namespaces/default/pipelines/{p}/runs/{r}", ref.pipelineId(), ref.runId()).then()
                .statusCode(200).extract().jsonPath().setRootPath("run");
    }

    void status(TaskRunRef ref, EventPayload payload) {
        publisher.publishAndWait(Topics.TASK_RUN_STATUS, Envelope.of(ref.key(), payload), WAIT);
    }

    void log(TaskRunRef ref, EventPayload chunk) {
        publisher.publishAndWait(Topics.TASK_RUN_LOGS, Envelope.of(ref.key(), chunk), WAIT);
    }

    void heartbeat(String workerId, TaskRunRef ref, int attempt) {
        publisher.publishAndWait(Topics.WORKER_HEARTBEATS, Envelope.of(workerId, new WorkerHeartbeat(workerId,
                Instant.now(), 4, 1, List.of(new HeldAttempt(ref, attempt, "c-" + attempt)))), WAIT);
    }

    /** Sends a heartbeat for the attempt every second until the returned handle is closed. */
    AutoCloseable heartbeats(String workerId, TaskRunRef ref, int attempt) {
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        timer.scheduleAtFixedRate(() -> heartbeat(workerId, ref, attempt), 0, 1, TimeUnit.SECONDS);
        return () -> {
            timer.shutdownNow();
            timer.awaitTermination(10, TimeUnit.SECONDS);
        };
    }

    /** Every task run api-service dispatched for exactly this task run, in order. */
    List<Dispatch> dispatched(TaskRunRef ref) {
        return records(Topics.TASK_RUNS_RESOLVE, ref).stream()
                .map(r -> new Dispatch((TaskRunToResolve) EventCodec.decode(r.value()).payload(), r.timestamp()))
                .toList();
    }

    /** Every cancel command api-service sent for exactly this task run, in order. */
    List<TaskRunCancel> cancels(TaskRunRef ref) {
        return records(Topics.TASK_RUNS_CANCEL, ref).stream()
                .map(r -> (TaskRunCancel) EventCodec.decode(r.value()).payload()).toList();
    }

    /** The types of the domain events of this task run, in order. */
    List<String> domainEvents(TaskRunRef ref) {
        return records(Topics.EVENTS, ref).stream().map(r -> EventCodec.decode(r.value()).type()).toList();
    }

    private List<ConsumerRecord<String, byte[]>> records(String topic, TaskRunRef ref) {
        return kafka.readAll(topic, Duration.ofSeconds(10)).stream().filter(r -> ref.key().equals(r.key())).toList();
    }

    @Override
    public void close() {
        publisher.close();
    }
}
