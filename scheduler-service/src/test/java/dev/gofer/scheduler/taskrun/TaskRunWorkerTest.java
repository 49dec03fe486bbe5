package dev.gofer.scheduler.taskrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.gofer.events.EnvVar;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventHeaders;
import dev.gofer.events.FailureReason;
import dev.gofer.events.LogChunk;
import dev.gofer.events.LogLine;
import dev.gofer.events.LogStream;
import dev.gofer.events.PullPolicy;
import dev.gofer.events.TaskControls;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.Topics;
import dev.gofer.events.TransitSealer;
import dev.gofer.events.WorkerEvent;
import dev.gofer.events.WorkerHeartbeat;
import dev.gofer.scheduler.config.WorkerIdentity;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerSpec;
import dev.gofer.scheduler.container.ImageRef;
import dev.gofer.scheduler.taskrun.service.ContainerSupervisor;
import dev.gofer.scheduler.taskrun.service.TaskRunCanceller;
import dev.gofer.scheduler.taskrun.service.TaskRunContainers;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.KafkaTestClient;
import dev.gofer.testsupport.LocalImages;

/** The worker end to end: real Kafka, real Docker; records in, containers run, status and logs out. */
@QuarkusTest
@WithTestResource(GoferInfraResource.class)
class TaskRunWorkerTest {

    private static final Duration AT_MOST = Duration.ofSeconds(90);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(10);
    private static final String SECRET = "s3cr3t-t0ken";

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    WorkerIdentity worker;

    @Inject
    ContainerRuntime runtime;

    @Inject
    TaskRunCanceller canceller;

    @Inject
    ContainerSupervisor supervisor;

    @Test
    void shouldRunContainerAndStreamNumberedLogsWhenTaskRunIsReady() {
        TaskRunRef ref = newTaskRun();
        String sealed = TransitSealer.fromBase64(GoferInfraResource.TEST_TRANSIT_KEY).seal(SECRET, ref.key());
        String script = "echo \"SECRET_LEN=${#TOKEN}\"; for i in $(seq 1 50); do echo line-$i; done; "
                + "echo oops >&2; exit 3";
        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("sh", "-c", script),
                List.of(new EnvVar("TOKEN", sealed, true), new EnvVar("MODE", "plain", false)), null,
                PullPolicy.IF_NOT_PRESENT));

        TaskRunExited exited = await().atMost(AT_MOST).until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty())
                .get(0);

        assertThat(exited.exitCode()).isEqualTo(3);
        assertThat(exited.logLines()).isEqualTo(52);
        assertThat(exited.workerId()).isEqualTo(worker.id());
        List<TaskRunEvent> statuses = statuses(ref);
        assertThat(statuses).hasSize(2);
        assertThat(statuses.get(0)).isInstanceOfSatisfying(TaskRunStarted.class, started -> {
            assertThat(started.workerId()).isEqualTo(worker.id());
            assertThat(started.containerId()).isNotBlank();
        });
        assertThat(statuses.get(1)).isInstanceOf(TaskRunExited.class);

        List<LogLine> lines = logLines(ref);
        assertThat(lines).extracting(LogLine::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.rangeClosed(1, 52).boxed().toList());
        List<String> expectedStdout = new java.util.ArrayList<>(List.of("SECRET_LEN=" + SECRET.length()));
        java.util.stream.IntStream.rangeClosed(1, 50).forEach(i -> expectedStdout.add("line-" + i));
        assertThat(lines).filteredOn(l -> l.stream() == LogStream.STDOUT).extracting(LogLine::text)
                .containsExactlyElementsOf(expectedStdout);
        assertThat(lines).filteredOn(l -> l.stream() == LogStream.STDERR).extracting(LogLine::text)
                .containsExactly("oops");

        assertThat(rawValues(Topics.TASK_RUN_STATUS, ref)).noneMatch(v -> v.contains(SECRET));
        await().atMost(AT_MOST).untilAsserted(
                () -> assertThat(runtime.listByLabels(TaskRunContainers.identity(ref, 1))).isEmpty());
    }

    @Test
    void shouldMaskSecretValuesAndTheirEncodingsWhenTaskPrintsThem() {
        TaskRunRef ref = newTaskRun();
        TransitSealer sealer = TransitSealer.fromBase64(GoferInfraResource.TEST_TRANSIT_KEY);
        String secret = "p@ss w/rd:42!";
        String cert = "-----BEGIN-----\nfirst-secret-line\nsecond-secret-line\n-----END-----";
        String script = String.join("; ", "echo \"plain=$TOKEN\"", "printf %s \"$TOKEN\" | base64",
                "echo \"$TOKEN\" | base64",
                "echo \"url=$(echo \"$TOKEN\" | sed 's/@/%40/g; s/ /%20/g; s#/#%2F#g; s/:/%3A/g; s/!/%21/g')\"",
                "echo \"$CERT\"", "echo visible-$PLAIN");
        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("sh", "-c", script),
                List.of(new EnvVar("TOKEN", sealer.seal(secret, ref.key()), true),
                        new EnvVar("CERT", sealer.seal(cert, ref.key()), true),
                        new EnvVar("PLAIN", "not-a-secret", false)),
                null, PullPolicy.IF_NOT_PRESENT));

        await().atMost(AT_MOST).until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty());

        List<String> texts = logLines(ref).stream().map(LogLine::text).toList();
        // Every line of a multi-line secret is masked on its own, its armour lines too.
        assertThat(texts).containsExactly("plain=***", "***", "***", "url=***", "***", "***", "***", "***",
                "visible-not-a-secret");
        String base64 = java.util.Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        assertThat(rawValues(Topics.TASK_RUN_LOGS, ref)).hasSizeGreaterThan(0)
                .noneMatch(v -> v.contains(secret) || v.contains(base64) || v.contains("first-secret-line"));
    }

    @Test
    void shouldStopContainerAndReportTimedOutExitWhenTaskOutlivesItsTimeout() {
        TaskRunRef ref = newTaskRun();
        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("sh", "-c", "echo started; sleep 300"),
                List.of(), null, PullPolicy.IF_NOT_PRESENT, new TaskControls(2L, null, null, null)));

        TaskRunExited exited = await().atMost(Duration.ofSeconds(40))
                .until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty()).get(0);

        assertThat(exited.timedOut()).isTrue();
        assertThat(exited.exitCode()).as("killed after the grace: sh ignores SIGTERM as pid 1").isEqualTo(137);
        assertThat(exited.logLines()).isEqualTo(1);
        await().atMost(AT_MOST).untilAsserted(
                () -> assertThat(runtime.listByLabels(TaskRunContainers.identity(ref, 1))).isEmpty());
    }

    @Test
    void shouldListHeldAttemptInHeartbeatsWhileItsContainerRuns() {
        TaskRunRef ref = newTaskRun();
        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("sh", "-c", "sleep 4"), List.of(),
                null, PullPolicy.IF_NOT_PRESENT));
        TaskRunStarted started = await().atMost(AT_MOST).until(() -> status(ref, TaskRunStarted.class),
                l -> !l.isEmpty()).get(0);

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(heartbeats())
                .anySatisfy(h -> assertThat(h.attempts()).contains(
                        new WorkerHeartbeat.HeldAttempt(ref, 1, started.containerId()))));
        List<WorkerHeartbeat> all = heartbeats();
        WorkerHeartbeat last = all.get(all.size() - 1);
        assertThat(last.workerId()).isEqualTo(worker.id());
        assertThat(last.capacity()).isPositive();
    }

    @Test
    void shouldListReportedAttemptInHeartbeatsForKeepExitedAfterItsContainerExited() {
        TaskRunRef ref = newTaskRun();
        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("true"), List.of(), null,
                PullPolicy.IF_NOT_PRESENT));
        Instant exitedAt = await().atMost(AT_MOST).until(() -> kafka().readAll(Topics.TASK_RUN_STATUS, READ_TIMEOUT)
                .stream().filter(r -> ref.key().equals(r.key()))
                .filter(r -> EventCodec.decode(r.value(), TaskRunEvent.class).payload() instanceof TaskRunExited)
                .map(r -> Instant.ofEpochMilli(r.timestamp())).findFirst(), Optional::isPresent).get();

        // api-service may read the exit late (e.g. after its own restart): the lease must not lapse meanwhile.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(heartbeats())
                .filteredOn(h -> h.at().isAfter(exitedAt))
                .anySatisfy(h -> assertThat(h.attempts()).extracting(WorkerHeartbeat.HeldAttempt::taskRun)
                        .contains(ref)));
        // Once keep-exited (3 s here) has passed, the attempt is no longer held.
        Instant keptUntil = exitedAt.plusSeconds(4);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(heartbeats())
                .filteredOn(h -> h.at().isAfter(keptUntil)).isNotEmpty()
                .allSatisfy(h -> assertThat(h.attempts()).extracting(WorkerHeartbeat.HeldAttempt::taskRun)
                        .doesNotContain(ref)));
    }

    @Test
    void shouldReportSchedulerErrorWhenImageIsMissingAndPolicyIsNever() {
        TaskRunRef ref = newTaskRun();
        String image = "local/gofer-missing-" + ref.pipelineId() + ":1";
        publish(new TaskRunReady(ref, 1, image, List.of(), List.of("true"), List.of(), null, PullPolicy.NEVER));

        TaskRunFailed failed = await().atMost(AT_MOST).until(() -> status(ref, TaskRunFailed.class), l -> !l.isEmpty())
                .get(0);

        assertThat(failed.reason()).isEqualTo(FailureReason.SCHEDULER_ERROR);
        assertThat(failed.message()).contains(image).contains("never");
        assertThat(failed.reporter()).isEqualTo(worker.id());
        assertThat(statuses(ref)).hasSize(1);
        assertThat(runtime.listByLabels(TaskRunContainers.identity(ref, 1))).isEmpty();
    }

    @Test
    void shouldDeadLetterUndecodableRecordAndRunNextWhenGarbageArrives() {
        String garbageKey = "garbage-" + UUID.randomUUID();
        kafka().send(Topics.TASK_RUNS_READY, garbageKey, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
        TaskRunRef ref = newTaskRun();
        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("echo", "after-garbage"), List.of(),
                null, PullPolicy.NEVER));

        await().atMost(AT_MOST).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = kafka().readAll(Topics.dlq(Topics.TASK_RUNS_READY),
                    READ_TIMEOUT).stream().filter(r -> garbageKey.equals(r.key())).toList();
            assertThat(dead).hasSize(1);
            assertThat(EventHeaders.read(dead.get(0).headers(), "dead-letter-reason")).contains("malformed JSON");
        });
        TaskRunExited exited = await().atMost(AT_MOST).until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty())
                .get(0);
        assertThat(exited.exitCode()).isZero();
        assertThat(logLines(ref)).extracting(LogLine::text).containsExactly("after-garbage");
    }

    @Test
    void shouldStartOneContainerWhenRecordIsRedeliveredWhileItRuns() {
        TaskRunRef ref = newTaskRun();
        TaskRunReady ready = new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(),
                List.of("sh", "-c", "sleep 3; echo once"), List.of(), null, PullPolicy.NEVER);
        byte[] record = EventCodec.encode(Envelope.of(ref.key(), ready));
        kafka().send(Topics.TASK_RUNS_READY, ref.key(), record, Map.of());
        kafka().send(Topics.TASK_RUNS_READY, ref.key(), record, Map.of());
        // Same key, same partition: attempt 2 is handled only after both copies of attempt 1.
        publish(new TaskRunReady(ref, 2, LocalImages.BUSYBOX, List.of(), List.of("true"), List.of(), null,
                PullPolicy.NEVER));

        await().atMost(AT_MOST).until(() -> statuses(ref).stream()
                .filter(e -> e instanceof TaskRunExited).count() == 2);

        List<TaskRunEvent> firstAttempt = statuses(ref).stream().filter(e -> e.attempt() == 1).toList();
        assertThat(firstAttempt).hasSize(2);
        assertThat(firstAttempt.get(0)).isInstanceOf(TaskRunStarted.class);
        assertThat(firstAttempt.get(1)).isInstanceOfSatisfying(TaskRunExited.class,
                e -> assertThat(e.logLines()).isEqualTo(1));
    }

    @Test
    void shouldNotRunAttemptAgainWhenItsReadyRecordIsRedeliveredAfterItExited() {
        TaskRunRef ref = newTaskRun();
        TaskRunReady ready = new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("echo", "once"),
                List.of(), null, PullPolicy.IF_NOT_PRESENT);
        publish(ready);
        await().atMost(AT_MOST).until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty());

        // store-service resolving the task run again, or a worker crash before the offset commit, redelivers it.
        publish(ready);
        TaskRunRef marker = newTaskRun();
        // On the redelivered record's partition, so its exit proves the worker has handled the redelivery.
        publishOnPartitionOf(ref, new TaskRunReady(marker, 1, LocalImages.BUSYBOX, List.of(), List.of("true"),
                List.of(), null, PullPolicy.IF_NOT_PRESENT));
        await().atMost(AT_MOST).until(() -> status(marker, TaskRunExited.class), l -> !l.isEmpty());

        assertThat(status(ref, TaskRunStarted.class)).extracting(TaskRunStarted::containerId).isNotEmpty()
                .as("re-reported at most, never a second container").containsOnly(
                        status(ref, TaskRunStarted.class).get(0).containerId());
        assertThat(logLines(ref)).extracting(LogLine::text).containsOnly("once");
        // The container wrote its line once: every record of it is line 1. (Re-reporting the kept container
        // republishes its log from the start, the same lines under the same numbers, which api-service stores once.)
        assertThat(logLines(ref).stream().map(l -> tuple(l.seq(), l.text())).distinct().toList())
                .as("the one line the container wrote, once").containsExactly(tuple(1L, "once"));
        assertThat(status(ref, TaskRunExited.class)).as("every report of the exit counts the one line").isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.exitCode()).isZero();
                    assertThat(e.logLines()).isEqualTo(1);
                });
        await("removed once kept for keep-exited").atMost(AT_MOST).untilAsserted(
                () -> assertThat(runtime.listByLabels(TaskRunContainers.identity(ref, 1))).isEmpty());
    }

    @Test
    void shouldAdoptItsOwnContainerWithoutWatcherWhenItsReadyRecordArrivesAgain() {
        TaskRunRef ref = newTaskRun();
        // As left by this worker's previous incarnation: labelled with its id, nobody watching it.
        String containerId = runtime.createAndStart(new ContainerSpec(ImageRef.parse(LocalImages.BUSYBOX),
                TaskRunContainers.name(ref, 1), List.of(),
                List.of("sh", "-c", "echo adopted-1; echo adopted-2; exit 4"),
                Map.of(), TaskRunContainers.labels(ref, 1, worker.id(), List.of()), "none"));

        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("echo", "must-not-run"), List.of(),
                null, PullPolicy.NEVER));

        TaskRunExited exited = await().atMost(AT_MOST).until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty())
                .get(0);
        assertThat(exited.exitCode()).isEqualTo(4);
        assertThat(exited.logLines()).isEqualTo(2);
        assertThat(status(ref, TaskRunStarted.class)).singleElement()
                .satisfies(s -> assertThat(s.containerId()).isEqualTo(containerId));
        assertThat(logLines(ref)).extracting(LogLine::text).containsExactly("adopted-1", "adopted-2");
        await().atMost(AT_MOST).untilAsserted(() -> assertThat(runtime.inspect(containerId)).isEmpty());
    }

    @Test
    void shouldLeaveAnotherWorkersContainerOfTheAttemptAloneWhenItsReadyRecordArrives() {
        TaskRunRef ref = newTaskRun();
        // Another worker on the same engine holds attempt 1 (it may be alive, or gone and about to lose its lease).
        String containerId = runtime.createAndStart(new ContainerSpec(ImageRef.parse(LocalImages.BUSYBOX),
                TaskRunContainers.name(ref, 1), List.of(), List.of("sh", "-c", "echo other-worker; sleep 30"),
                Map.of(), TaskRunContainers.labels(ref, 1, "another-worker", List.of()), "none"));
        try {
            publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("echo", "must-not-run"),
                    List.of(), null, PullPolicy.NEVER));
            // Attempt 2 has the same key, so it is read after attempt 1's record.
            publish(new TaskRunReady(ref, 2, LocalImages.BUSYBOX, List.of(), List.of("echo", "attempt-2"), List.of(),
                    null, PullPolicy.NEVER));

            await().atMost(AT_MOST).until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty());
            assertThat(statuses(ref)).as("nothing reported for attempt 1 by this worker")
                    .allSatisfy(e -> assertThat(e.attempt()).isEqualTo(2));
            assertThat(runtime.listByLabels(TaskRunContainers.identity(ref, 1))).singleElement()
                    .satisfies(c -> assertThat(c.id()).isEqualTo(containerId))
                    .satisfies(c -> assertThat(c.exited()).as("still running, untouched").isFalse());
            assertThat(supervisor.isWatching(containerId)).isFalse();
            assertThat(logLines(ref)).extracting(LogLine::text).containsExactly("attempt-2");
        } finally {
            runtime.remove(containerId);
        }
    }

    @Test
    void shouldStopContainerAndReportExitWhenCancelArrives() {
        TaskRunRef ref = newTaskRun();
        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("sh", "-c", "echo up; sleep 300"),
                List.of(), null, PullPolicy.IF_NOT_PRESENT));
        await().atMost(AT_MOST).until(() -> status(ref, TaskRunStarted.class), l -> !l.isEmpty());

        publishCommand(new TaskRunCancel(ref, 1, 1, "user_cancelled"));

        TaskRunExited exited = await().atMost(Duration.ofSeconds(30))
                .until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty()).get(0);
        assertThat(exited.exitCode()).as("sh ignores SIGTERM as pid 1: killed after the grace").isEqualTo(137);
        assertThat(exited.logLines()).isEqualTo(1);
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(100)).untilAsserted(
                () -> assertThat(runtime.listByLabels(TaskRunContainers.identity(ref, 1))).isEmpty());
        Instant goneSeen = Instant.now();
        // A cancelled container is not kept for keep-exited (3 s here): it goes as soon as its exit is reported.
        Instant exitPublished = kafka().readAll(Topics.TASK_RUN_STATUS, READ_TIMEOUT).stream()
                .filter(r -> ref.key().equals(r.key()))
                .filter(r -> EventCodec.decode(r.value(), TaskRunEvent.class).payload() instanceof TaskRunExited)
                .map(r -> Instant.ofEpochMilli(r.timestamp())).findFirst().orElseThrow();
        assertThat(goneSeen).isBefore(exitPublished.plusSeconds(3));
    }

    @Test
    void shouldStopOnlyTheNamedContainerWhenCancelNamesOne() {
        TaskRunRef ref = newTaskRun();
        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("sh", "-c", "echo up; sleep 300"),
                List.of(), null, PullPolicy.IF_NOT_PRESENT));
        String containerId = await().atMost(AT_MOST).until(() -> status(ref, TaskRunStarted.class), l -> !l.isEmpty())
                .get(0).containerId();

        // The fence of another container of the same attempt (started by mistake elsewhere) leaves this one alone.
        publishCommand(new TaskRunCancel(ref, 1, 0, "fenced", "another-container"));
        await().atMost(AT_MOST).until(() -> canceller.isCancelled(ref, 1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                .until(() -> runtime.inspect(containerId).map(c -> !c.exited()).orElse(false));
        assertThat(status(ref, TaskRunExited.class)).isEmpty();

        publishCommand(new TaskRunCancel(ref, 1, 0, "fenced", containerId));
        TaskRunExited exited = await().atMost(Duration.ofSeconds(30))
                .until(() -> status(ref, TaskRunExited.class), l -> !l.isEmpty()).get(0);
        assertThat(exited.containerId()).isEqualTo(containerId);
        assertThat(exited.exitCode()).isEqualTo(137);
    }

    @Test
    void shouldNotStartAttemptWhenItWasCancelledBeforeItsReadyRecordArrived() {
        TaskRunRef ref = newTaskRun();
        publishCommand(new TaskRunCancel(ref, 1, 0, "user_cancelled"));
        TaskRunRef marker = newTaskRun();
        // The cancel is consumed before this worker sees the ready record of the same attempt.
        await().atMost(AT_MOST).until(() -> canceller.isCancelled(ref, 1));

        publish(new TaskRunReady(ref, 1, LocalImages.BUSYBOX, List.of(), List.of("echo", "must not run"), List.of(),
                null, PullPolicy.IF_NOT_PRESENT));
        publishOnPartitionOf(ref, new TaskRunReady(marker, 1, LocalImages.BUSYBOX, List.of(), List.of("true"),
                List.of(), null, PullPolicy.IF_NOT_PRESENT));

        // The ready topic is read in order per partition; the marker, on the cancelled record's partition, proves the
        // worker got past the cancelled one.
        await().atMost(AT_MOST).until(() -> status(marker, TaskRunExited.class), l -> !l.isEmpty());
        assertThat(statuses(ref)).isEmpty();
        assertThat(runtime.listByLabels(TaskRunContainers.identity(ref, 1))).isEmpty();
    }

    @Test
    void shouldReportReadyWhenKafkaAndDockerEngineAnswer() {
        RestAssured.given().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'docker-engine' }.status", Matchers.is("UP"));
    }

    private static TaskRunRef newTaskRun() {
        return new TaskRunRef("ns", "p-" + UUID.randomUUID().toString().substring(0, 8), 1, "task");
    }

    private KafkaTestClient kafka() {
        return new KafkaTestClient(bootstrapServers);
    }

    private void publish(TaskRunReady ready) {
        Envelope<TaskRunReady> envelope = Envelope.of(ready.taskRun().key(), ready);
        kafka().send(Topics.TASK_RUNS_READY, envelope.key(), EventCodec.encode(envelope), Map.of());
    }

    /**
     * Publishes {@code ready} with the record key of {@code follow}: the same key, so the same partition, so the worker
     * reads it after every record of {@code follow} published before it.
     */
    private void publishOnPartitionOf(TaskRunRef follow, TaskRunReady ready) {
        Envelope<TaskRunReady> envelope = Envelope.of(ready.taskRun().key(), ready);
        kafka().send(Topics.TASK_RUNS_READY, follow.key(), EventCodec.encode(envelope), Map.of());
    }

    private void publishCommand(TaskRunCancel cancel) {
        Envelope<TaskRunCancel> envelope = Envelope.of(cancel.taskRun().key(), cancel);
        kafka().send(Topics.TASK_RUNS_CANCEL, envelope.key(), EventCodec.encode(envelope), Map.of());
    }

    private List<WorkerHeartbeat> heartbeats() {
        return kafka().readAll(Topics.WORKER_HEARTBEATS, READ_TIMEOUT).stream()
                .filter(r -> worker.id().equals(r.key()))
                .map(r -> (WorkerHeartbeat) EventCodec.decode(r.value(), WorkerEvent.class).payload()).toList();
    }

    private List<TaskRunEvent> statuses(TaskRunRef ref) {
        return kafka().readAll(Topics.TASK_RUN_STATUS, READ_TIMEOUT).stream().filter(r -> ref.key().equals(r.key()))
                .map(r -> (TaskRunEvent) EventCodec.decode(r.value(), TaskRunEvent.class).payload()).toList();
    }

    private <T extends TaskRunEvent> List<T> status(TaskRunRef ref, Class<T> type) {
        return statuses(ref).stream().filter(type::isInstance).map(type::cast).toList();
    }

    private List<LogLine> logLines(TaskRunRef ref) {
        return kafka().readAll(Topics.TASK_RUN_LOGS, READ_TIMEOUT).stream().filter(r -> ref.key().equals(r.key()))
                .map(r -> (LogChunk) EventCodec.decode(r.value()).payload()).flatMap(c -> c.lines().stream())
                .toList();
    }

    private List<String> rawValues(String topic, TaskRunRef ref) {
        return kafka().readAll(topic, READ_TIMEOUT).stream().filter(r -> ref.key().equals(r.key()))
                .map(r -> new String(r.value(), StandardCharsets.UTF_8)).toList();
    }
}
