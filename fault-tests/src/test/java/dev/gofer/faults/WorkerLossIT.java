package dev.gofer.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

import dev.gofer.local.LocalStack;
import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunState;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunState;
import dev.gofer.sdk.TaskRunStatus;
import dev.gofer.testsupport.LocalImages;

/**
 * A worker is SIGKILLed while it runs a 60 s task: api-service notices when the attempt's lease lapses (the time is
 * a printed figure, against the 30 s it should take) and the task run's next attempt starts on the other worker while
 * the first container still runs; when the killed worker returns it adopts its old container,
 * which is fenced (cancelled again) and removed; the run succeeds, with exactly one successful attempt.
 */
class WorkerLossIT {

    static final String NS = FaultStack.NAMESPACE;
    static final Duration DETECTION_BOUND = Duration.ofSeconds(30);
    static final Duration REAP_BOUND = Duration.ofSeconds(30);
    /** keep-exited of the fault stack (45 s) plus its reap interval and a margin: the same bound as the suite's. */
    static final Duration LEFTOVER_BOUND = Duration.ofSeconds(60);
    /** How long the figures are still measured past a bound, so a miss says by how much. */
    static final Duration GRACE_FOR_FIGURES = Duration.ofSeconds(60);

    private final LocalStack stack = FaultStack.get();
    private final GoferClient api = FaultStack.api();

    @Test
    void shouldRetryOnTheOtherWorkerWhileTheOldContainerRunsAndReapItWhenAWorkerDiesDuringA60SecondTask() {
        FaultStack.ensureWhole();
        String id = "worker-loss-60s";
        // 60 s of sleep; SIGTERM ends it at once (a busybox sh as PID 1 would otherwise wait for the SIGKILL).
        api.registerConfig(NS, Pipeline.of(id, "A 60 s task").tasks(CustomTask.of("sleeper", LocalImages.BUSYBOX)
                .command("sh", "-c", "trap 'exit 143' TERM; echo sleeping 60 s; sleep 60 & wait")));
        long runId = api.startRun(NS, id, Map.of()).runId();
        String key = NS + "/" + id + "/" + runId + "/sleeper";
        TaskRun first = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> sleeper(id, runId), t -> t.state() == TaskRunState.RUNNING && t.workerId() != null);
        String victim = first.workerId();
        String other = FaultStack.workerIds().stream().filter(w -> !w.equals(victim)).findFirst().orElseThrow();
        Map<String, String> firstAttempt = Map.of(Containers.LABEL_TASK_RUN, key, Containers.LABEL_ATTEMPT, "1");
        assertThat(Containers.withLabels(firstAttempt)).singleElement()
                .satisfies(c -> assertThat(c.running()).isTrue())
                .satisfies(c -> assertThat(c.worker()).isEqualTo(victim));

        Instant killed = Instant.now();
        stack.kill(FaultStack.schedulerOf(victim));
        Duration dispatched = timeUntil(killed, DETECTION_BOUND.plus(GRACE_FOR_FIGURES),
                () -> sleeper(id, runId).attempt() >= 2);
        Duration startedElsewhere = timeUntil(killed, DETECTION_BOUND.plus(GRACE_FOR_FIGURES), () -> {
            TaskRun t = sleeper(id, runId);
            return t.attempt() >= 2 && t.state() != TaskRunState.WAITING && t.state() != TaskRunState.PROCESSING
                    && other.equals(t.workerId());
        });
        boolean oldStillThere = Containers.withLabels(firstAttempt).stream().anyMatch(Containers.Container::running);
        stack.start(FaultStack.schedulerOf(victim));
        Instant back = Instant.now();
        Duration reaped = timeUntil(back, REAP_BOUND.plus(GRACE_FOR_FIGURES),
                () -> Containers.withLabels(firstAttempt).isEmpty());

        Run done = await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> api.getRun(NS, id, runId), r -> r.state() == RunState.COMPLETE);
        TaskRun last = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500))
                .until(() -> sleeper(id, runId), t -> t.logs().complete() || t.status() != TaskRunStatus.SUCCESSFUL);
        // Exited containers are kept for keep-exited (45 s here), then reaped: wait for that before counting leftovers.
        List<Containers.Container> left = leftAfter(id, LEFTOVER_BOUND);
        StatusRecords records = StatusRecords.read(FaultStack.kafka(), NS, id);
        Map<Integer, Integer> successfulExits = records.successfulExits(key);
        Map<Integer, Set<String>> containers = records.containersByAttempt().getOrDefault(key, Map.of());

        FaultReport.note(String.format(
                "worker lost during a 60 s task: %s killed; attempt 2 dispatched by the API after %s, running on %s "
                        + "after %s (waited at most %d s); old container %s when %s returned (%s after the kill), "
                        + "gone %s after it was ready (waited at most %d s); run %s at attempt %d (%s, worker %s); "
                        + "attempts that exited 0: %s; containers per attempt: %s",
                victim, FaultReport.seconds(dispatched), other, FaultReport.seconds(startedElsewhere),
                DETECTION_BOUND.toSeconds(), oldStillThere ? "still running" : "already gone", victim,
                FaultReport.seconds(Duration.between(killed, back)), FaultReport.seconds(reaped),
                REAP_BOUND.toSeconds(), done.status().wire(), last.attempt(), last.status().wire(), last.workerId(),
                successfulExits.keySet(), containers));

        SoftAssertions soft = new SoftAssertions();
        // Behaviour, not timing (the times are the figures above): attempt 2 ran on the other worker while attempt 1's
        // container still ran, so the lapsed lease detected the loss, not the task's end; attempt 1 ended worker_lost;
        // the returning worker removed its fenced container.
        soft.assertThat(startedElsewhere).as("attempt 2 ran on the other worker").isNotNull();
        soft.assertThat(oldStillThere).as("the old container was still running when its worker returned").isTrue();
        soft.assertThat(last.attempts()).as("attempts")
                .extracting(a -> a.attempt() + " " + a.status().wire() + " "
                        + (a.statusReason() == null ? "-" : a.statusReason().reason()) + " " + a.workerId())
                .containsExactly("1 failed worker_lost " + victim, "2 successful - " + other);
        soft.assertThat(reaped).as("the returning worker removed the old container").isNotNull();
        soft.assertThat(done.status()).as("run status").isEqualTo(RunStatus.SUCCESSFUL);
        soft.assertThat(last.attempt()).as("final attempt").isEqualTo(2);
        soft.assertThat(last.status()).as("final attempt's status").isEqualTo(TaskRunStatus.SUCCESSFUL);
        soft.assertThat(last.workerId()).as("final attempt's worker").isEqualTo(other);
        soft.assertThat(successfulExits).as("attempts that exited 0, with their exit records")
                .isEqualTo(Map.of(2, 1));
        soft.assertThat(containers.values()).as("containers per attempt").allSatisfy(c -> assertThat(c).hasSize(1));
        soft.assertThat(last.logs().complete()).as("log complete").isTrue();
        soft.assertThat(api.getTaskLogs(NS, id, runId, "sleeper")).as("log of the successful attempt")
                .isEqualTo("sleeping 60 s\n");
        soft.assertThat(left).as("containers left " + LEFTOVER_BOUND.toSeconds() + " s after the run completed")
                .isEmpty();
        soft.assertAll();
    }

    /** The pipeline's containers once none is left, or those still there after {@code atMost}. */
    private static List<Containers.Container> leftAfter(String pipelineId, Duration atMost) {
        try {
            return await().atMost(atMost).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Containers.ofPipeline(pipelineId), List::isEmpty);
        } catch (ConditionTimeoutException e) {
            return Containers.ofPipeline(pipelineId);
        }
    }

    private TaskRun sleeper(String pipelineId, long runId) {
        return api.getTaskRun(NS, pipelineId, runId, "sleeper");
    }

    /** Time from {@code from} until the condition holds, or {@code null} when it did not within {@code atMost}. */
    private static Duration timeUntil(Instant from, Duration atMost, Callable<Boolean> condition) {
        Duration left = atMost.minus(Duration.between(from, Instant.now()));
        try {
            await().atMost(left.compareTo(Duration.ofMillis(300)) < 0 ? Duration.ofMillis(300) : left)
                    .pollInterval(Duration.ofMillis(250))
                    .ignoreExceptions().until(condition);
            return Duration.between(from, Instant.now());
        } catch (ConditionTimeoutException e) {
            return null;
        }
    }
}
