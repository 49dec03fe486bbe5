package dev.gofer.api.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

import dev.gofer.events.EventHeaders;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.GoferInfraResource;

/**
 * Leases and fencing with a short lease (3 s, sweep every 2 s): a worker that stops sending heartbeats loses its
 * attempt, which is retried or failed per policy; heartbeats that list the attempt keep it; a lost worker that comes
 * back is fenced and its late reports change nothing.
 */
@QuarkusTest
@TestProfile(WorkerLeaseTest.ShortLease.class)
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class WorkerLeaseTest {

    private static final Duration TTL = Duration.ofSeconds(3);
    private static final Duration SWEEP = Duration.ofSeconds(2);
    /** Lease + sweep + slack for a loaded build machine. */
    private static final Duration DETECTION = TTL.plus(SWEEP).plusSeconds(10);
    private static final Duration WAIT = WorkerPlay.WAIT;
    private static WorkerPlay worker;

    /** A short lease, so that losing a worker takes seconds. */
    public static class ShortLease implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gofer.api.lease-ttl", TTL.toSeconds() + "s", "gofer.api.lease-sweep",
                    SWEEP.toSeconds() + "s");
        }
    }

    @BeforeAll
    static void clients() {
        worker = new WorkerPlay("worker-lease-test");
    }

    @AfterAll
    static void close() {
        worker.close();
    }

    private static TaskRunRef startOne(String pipelineId, String taskJson) {
        WorkerPlay.register(pipelineId, "[" + taskJson + "]");
        TaskRunRef ref = new TaskRunRef("default", pipelineId, WorkerPlay.startRun(pipelineId), "work");
        await().atMost(WAIT).until(() -> worker.dispatched(ref).size() == 1);
        return ref;
    }

    @Test
    void shouldRetryAsNewAttemptAndFenceOldWorkerWhenHeartbeatsStop() throws Exception {
        TaskRunRef ref = startOne("lost-retry", "{\"id\":\"work\",\"image\":\"local/busybox:latest\"}");

        // Attempt 1 starts; its worker never sends a heartbeat (it died right after).
        worker.status(ref, new TaskRunStarted(ref, 1, "worker-dead", "c1"));
        await().atMost(WAIT).until(() -> "running".equals(WorkerPlay.taskRun(ref).getString("state")));
        long started = System.currentTimeMillis();

        await().atMost(DETECTION.plus(WAIT))
                .until(() -> worker.cancels(ref).size() == 1 && worker.dispatched(ref).size() == 2);
        System.out.printf("figure: lease expiry detected after %d ms (lease %d s, sweep %d s)%n",
                System.currentTimeMillis() - started, TTL.toSeconds(), SWEEP.toSeconds());
        assertThat(worker.cancels(ref).get(0)).isEqualTo(new TaskRunCancel(ref, 1, 10, "worker_lost"));
        assertThat(worker.dispatched(ref).get(1).payload().attempt()).isEqualTo(2);
        JsonPath retried = WorkerPlay.taskRun(ref);
        assertThat(retried.getInt("attempt")).isEqualTo(2);
        assertThat(retried.getString("state")).isEqualTo("processing");
        assertThat(retried.getString("attempts[0].status_reason.reason")).isEqualTo("worker_lost");
        assertThat(retried.getString("attempts[0].status_reason.description"))
                .startsWith("worker worker-dead stopped sending heartbeats at 20");
        // The lease lapsed, it was not cut short: its last renewal was attempt 1's start (no heartbeat came), and
        // attempt 1 ended only once that renewal plus the TTL had passed.
        assertThat(retried.getList("attempts.attempt", Integer.class)).containsExactly(1, 2);
        assertThat(retried.getString("attempts[0].worker_id")).isEqualTo("worker-dead");
        assertThat(retried.getString("attempts[0].status")).isEqualTo("failed");
        Instant renewed = Instant.parse(retried.getString("attempts[0].status_reason.description")
                .substring("worker worker-dead stopped sending heartbeats at ".length()));
        assertThat(renewed.toEpochMilli()).as("the lease was set when attempt 1's start was applied")
                .isGreaterThanOrEqualTo(retried.getLong("attempts[0].started"));
        assertThat(retried.getLong("attempts[0].ended")).as("attempt 1 ended after its lease (renewal + TTL)")
                .isGreaterThanOrEqualTo(renewed.plus(TTL).toEpochMilli());
        assertThat(worker.dispatched(ref).get(1).timestamp()).as("attempt 2 dispatched after attempt 1 ended")
                .isGreaterThanOrEqualTo(retried.getLong("attempts[0].ended"));

        // The lost worker comes back, adopts its container and reports it: it is told again to stop it.
        worker.status(ref, new TaskRunStarted(ref, 1, "worker-dead", "c1"));
        await().atMost(WAIT).until(() -> worker.cancels(ref).size() == 2);
        assertThat(worker.cancels(ref).get(1)).isEqualTo(new TaskRunCancel(ref, 1, 10, "fenced"));

        // Its late exit changes nothing: attempt 2 starts (records of one task run are applied in order) and
        // is still the task run's attempt, unfinished.
        worker.status(ref, new TaskRunExited(ref, 1, "worker-dead", 0, 0));
        try (AutoCloseable beats = worker.heartbeats("worker-new", ref, 2)) {
            worker.status(ref, new TaskRunStarted(ref, 2, "worker-new", "c2"));
            await().atMost(WAIT).until(() -> "running".equals(WorkerPlay.taskRun(ref).getString("state")));
            JsonPath running = WorkerPlay.taskRun(ref);
            assertThat(running.getInt("attempt")).isEqualTo(2);
            assertThat(running.getString("status")).isEqualTo("unknown");
            assertThat(running.getString("worker_id")).isEqualTo("worker-new");
            assertThat(worker.cancels(ref)).hasSize(2);

            worker.status(ref, new TaskRunExited(ref, 2, "worker-new", 0, 0));
            await().atMost(WAIT).until(() -> "complete".equals(WorkerPlay.run(ref).getString("state")));
        }
        assertThat(WorkerPlay.run(ref).getString("status")).isEqualTo("successful");
        assertThat(WorkerPlay.taskRun(ref).getList("attempts.status", String.class)).containsExactly("failed",
                "successful");
    }

    @Test
    void shouldFenceSecondContainerOfTheRunningAttemptAndIgnoreItsExit() throws Exception {
        TaskRunRef ref = startOne("second-container", "{\"id\":\"work\",\"image\":\"local/busybox:latest\"}");
        try (AutoCloseable beats = worker.heartbeats("worker-a", ref, 1)) {
            worker.status(ref, new TaskRunStarted(ref, 1, "worker-a", "c-first"));
            await().atMost(WAIT).until(() -> "running".equals(WorkerPlay.taskRun(ref).getString("state")));

            // The ready record reached another worker too (on another host): a second container of attempt 1.
            worker.status(ref, new TaskRunStarted(ref, 1, "worker-b", "c-second"));
            await().atMost(WAIT).until(() -> worker.cancels(ref).size() == 1);
            assertThat(worker.cancels(ref).get(0)).isEqualTo(new TaskRunCancel(ref, 1, 10, "fenced", "c-second"));
            // Its exit changes nothing; the first container's decides.
            worker.status(ref, new TaskRunExited(ref, 1, "worker-b", 137, 0, false, "c-second"));
            worker.status(ref, new TaskRunExited(ref, 1, "worker-a", 0, 0, false, "c-first"));
            await().atMost(WAIT).until(() -> "complete".equals(WorkerPlay.run(ref).getString("state")));
        }
        JsonPath done = WorkerPlay.taskRun(ref);
        assertThat(done.getString("status")).isEqualTo("successful");
        assertThat(done.getInt("exit_code")).isZero();
        assertThat(done.getString("worker_id")).isEqualTo("worker-a");
        assertThat(done.getInt("attempt")).isEqualTo(1);
        assertThat(worker.cancels(ref)).hasSize(1);
    }

    @Test
    void shouldKeepLeaseWhenHeartbeatsListTheAttempt() throws Exception {
        TaskRunRef ref = startOne("lease-kept", "{\"id\":\"work\",\"image\":\"local/busybox:latest\"}");

        try (AutoCloseable beats = worker.heartbeats("worker-alive", ref, 1)) {
            worker.status(ref, new TaskRunStarted(ref, 1, "worker-alive", "c1"));
            await().atMost(WAIT).until(() -> "running".equals(WorkerPlay.taskRun(ref).getString("state")));

            await().during(TTL.multipliedBy(3)).atMost(TTL.multipliedBy(3).plus(WAIT))
                    .until(() -> WorkerPlay.taskRun(ref).getInt("attempt") == 1
                            && "running".equals(WorkerPlay.taskRun(ref).getString("state")));
            assertThat(worker.cancels(ref)).isEmpty();
            assertThat(worker.dispatched(ref)).hasSize(1);

            worker.status(ref, new TaskRunExited(ref, 1, "worker-alive", 0, 0));
            await().atMost(WAIT).until(() -> "complete".equals(WorkerPlay.run(ref).getString("state")));
        }
        assertThat(WorkerPlay.taskRun(ref).getString("status")).isEqualTo("successful");
    }

    @Test
    void shouldFailWithWorkerLostWhenNoRetryOnWorkerLossIsLeft() {
        TaskRunRef ref = startOne("lost-fail",
                "{\"id\":\"work\",\"image\":\"local/busybox:latest\",\"retry\":{\"on_worker_lost\":0}}");

        worker.status(ref, new TaskRunStarted(ref, 1, "worker-gone", "c1"));

        await().atMost(DETECTION.plus(WAIT)).until(() -> "complete".equals(WorkerPlay.run(ref).getString("state")));
        JsonPath failed = WorkerPlay.taskRun(ref);
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("status_reason.reason")).isEqualTo("worker_lost");
        assertThat(failed.getString("status_reason.description")).startsWith("worker worker-gone stopped sending");
        assertThat(WorkerPlay.run(ref).getString("status_reason.reason")).isEqualTo("worker_lost");
        await().atMost(WAIT).until(() -> worker.cancels(ref).size() == 1);
        assertThat(worker.cancels(ref).get(0).reason()).isEqualTo("worker_lost");
        assertThat(worker.dispatched(ref)).hasSize(1);
    }

    @Test
    void shouldDeadLetterHeartbeatWhenItIsMalformed() {
        worker.kafka().send(Topics.WORKER_HEARTBEATS, "worker-garbage", "{nope".getBytes(StandardCharsets.UTF_8),
                Map.of());

        await().atMost(WAIT).untilAsserted(() -> {
            List<ConsumerRecord<String, byte[]>> dead = worker.kafka()
                    .readAll(Topics.dlq(Topics.WORKER_HEARTBEATS), Duration.ofSeconds(5));
            assertThat(dead).filteredOn(r -> "worker-garbage".equals(r.key())).singleElement()
                    .satisfies(r -> assertThat(EventHeaders.read(r.headers(), "dead-letter-reason"))
                            .startsWith("malformed JSON"));
        });
    }
}
