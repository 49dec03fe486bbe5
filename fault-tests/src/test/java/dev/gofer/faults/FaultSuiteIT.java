package dev.gofer.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import dev.gofer.local.LocalStack;
import dev.gofer.sdk.CustomTask;
import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.RequiredParentStatus;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunState;
import dev.gofer.testsupport.LocalImages;

/**
 * The fault suite: with {@value Scenario#RUNS} runs in flight, (a) each service in turn is SIGKILLed and restarted,
 * (b) the broker restarts, (c) a worker holding running tasks is SIGKILLed and stays away for 40 s. After each, every
 * run must be complete and successful, no attempt's container may have run twice, no attempt may exist that the API
 * did not make, no container may be left, every task run's status must match its last status record and every log
 * must be complete. The figures go to stdout and {@code fault-tests/target/fault-suite.txt}.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultSuiteIT {

    /** How long a lost worker stays away in scenario (c): well past the 15 s lease. */
    static final Duration WORKER_AWAY = Duration.ofSeconds(40);
    private static final AtomicInteger IDS = new AtomicInteger();

    private final LocalStack stack = FaultStack.get();
    private final GoferClient api = FaultStack.api();

    @Test
    @Order(1)
    void shouldCompleteEveryRunOnceWhenApiServiceIsKilledAndRestarted() {
        killAndRestart(LocalStack.API);
    }

    @Test
    @Order(2)
    void shouldCompleteEveryRunOnceWhenStoreServiceIsKilledAndRestarted() {
        killAndRestart(LocalStack.STORE);
    }

    @Test
    @Order(3)
    void shouldCompleteEveryRunOnceAndKeepFiringEachIntervalOnceWhenTriggerServiceIsKilledAndRestarted() {
        // The 50 runs are started by POST (losing trigger-service must not disturb them); beside them a real interval
        // subscription fires every 2 s across the kill: it must fire again after the restart, and every distinct fire
        // must make exactly one run (a fire republished after the crash is deduped by its event id, never doubled).
        FaultStack.ensureWhole();
        IntervalTicks ticks = IntervalTicks.subscribe("ticks-" + IDS.incrementAndGet());
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() -> ticks.fireCount() >= 2);
        AtomicReference<Instant> back = new AtomicReference<>();
        Scenario.Result result = Scenario.of("(a) SIGKILL " + LocalStack.TRIGGER, shortPipeline("trigger-kill"),
                FaultSuiteIT::echoedId).run(s -> {
                    long firedBefore = ticks.fireCount();
                    Instant killed = Instant.now();
                    stack.kill(LocalStack.TRIGGER);
                    stack.start(LocalStack.TRIGGER);
                    back.set(Instant.now());
                    return LocalStack.TRIGGER + " back (ready) "
                            + FaultReport.seconds(Duration.between(killed, back.get()))
                            + " after the kill; its interval "
                            + "subscription (every 2 s) had fired " + firedBefore + " times";
                });
        Duration firedAgain = null;
        try {
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> ticks.lastFiredAt().isAfter(back.get()));
            firedAgain = Duration.between(back.get(), ticks.lastFiredAt());
        } catch (ConditionTimeoutException e) {
            result.problem("the interval subscription did not fire again after " + LocalStack.TRIGGER + " restarted");
        }
        ticks.unsubscribe();
        Set<String> fired = ticks.firedEventIds();
        List<Run> runs;
        try {
            runs = await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).ignoreExceptions()
                    .until(ticks::runs, all -> all.size() >= fired.size() && all.stream().allMatch(Run::finished));
        } catch (ConditionTimeoutException e) {
            runs = ticks.runs();
        }
        ticks.problems(fired, runs).forEach(result::problem);
        FaultReport.note(String.format("trigger-service killed during an interval subscription of %s (every 2 s): "
                + "%d distinct fires, %d runs; first fire after the restart %s after it was ready",
                ticks.pipelineId(), fired.size(), runs.size(), FaultReport.seconds(firedAgain)));
        result.publish().assertClean();
    }

    @Test
    @Order(4)
    void shouldCompleteEveryRunOnceWhenAWorkerIsKilledAndRestartedAtOnce() {
        AtomicReference<String> lost = new AtomicReference<>();
        Scenario.Result result = Scenario.of("(a) SIGKILL a worker, restart at once", shortPipeline("worker-kill"),
                FaultSuiteIT::echoedId).run(s -> {
                    String victim = Workers.busiest(s.pipelineId(), 2);
                    lost.set(victim);
                    int held = Workers.running(victim, s.pipelineId()).size();
                    Instant killed = Instant.now();
                    stack.kill(FaultStack.schedulerOf(victim));
                    stack.start(FaultStack.schedulerOf(victim));
                    return "killed " + victim + " while it ran " + held + " containers of the scenario; back (ready) "
                            + FaultReport.seconds(Duration.between(killed, Instant.now())) + " later";
                });
        // A restart takes longer than the lease (15 s), so the API may rightly give up on the victim's attempts
        // (worker_lost) and retry them; a retry of an attempt on the other worker is needless.
        result.retriesAllowedFor(lost.get()).publish().assertClean();
    }

    @Test
    @Order(5)
    void shouldCompleteEveryRunOnceWhenTheKafkaBrokerRestarts() {
        Duration downtime = Duration.ofSeconds(5);
        Scenario.of("(b) restart the Kafka broker", shortPipeline("broker-restart"), FaultSuiteIT::echoedId)
                .run(s -> {
                    Instant stopped = Instant.now();
                    stack.restartKafka(downtime);
                    return "broker stopped, " + downtime.toSeconds() + " s without it, answering again after "
                            + FaultReport.seconds(Duration.between(stopped, Instant.now()));
                }).publish().assertClean();
    }

    @Test
    @Order(6)
    void shouldRetryElsewhereAndReapTheOldContainersWhenAWorkerHoldingRunningTasksIsLost() {
        String id = "worker-lost-" + IDS.incrementAndGet();
        Pipeline pipeline = Pipeline.of(id, "Fault suite: " + id)
                .tasks(CustomTask.of("sleeper", LocalImages.BUSYBOX).command("sh", "-c",
                        "echo $GOFER_TASK_ID; sleep 20"));
        AtomicReference<List<Containers.Container>> held = new AtomicReference<>(List.of());
        AtomicReference<Duration> detected = new AtomicReference<>();
        AtomicReference<String> lost = new AtomicReference<>();
        Scenario.Result result = Scenario.of("(c) SIGKILL a worker holding running tasks, back after 40 s", pipeline,
                FaultSuiteIT::echoedId).terminalBound(Duration.ofMinutes(5)).run(s -> {
                    String victim = Workers.busiest(s.pipelineId(), 2);
                    lost.set(victim);
                    held.set(Workers.running(victim, s.pipelineId()));
                    Instant killed = Instant.now();
                    stack.kill(FaultStack.schedulerOf(victim));
                    try {
                        // While the worker is away: its lapsed leases, not its return, must bring the next attempts.
                        await().atMost(Duration.between(Instant.now(), killed.plus(WORKER_AWAY)))
                                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                                .until(() -> held.get().stream().allMatch(c -> attemptNow(c) > c.attempt()));
                        detected.set(Duration.between(killed, Instant.now()));
                    } catch (ConditionTimeoutException e) {
                        // reported below
                    }
                    Duration rerunning = null;
                    try {
                        await().atMost(Duration.between(Instant.now(), killed.plus(WORKER_AWAY)))
                                .pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                                .until(() -> held.get().stream().allMatch(this::runsAgain));
                        rerunning = Duration.between(killed, Instant.now());
                    } catch (ConditionTimeoutException | IllegalArgumentException e) {
                        // not before the worker returns: reported as such
                    }
                    Workers.holdUntil(killed.plus(WORKER_AWAY));
                    stack.start(FaultStack.schedulerOf(victim));
                    return "killed " + victim + " holding " + held.get().size() + " running attempts; "
                            + (detected.get() == null
                                    ? "they were NOT all re-dispatched while it was away"
                                    : "all re-dispatched " + FaultReport.seconds(detected.get())
                                            + " after the kill (expected about 15 s: the lease)")
                            + "; their next attempts all running "
                            + (rerunning == null
                                    ? "NOT before the worker returned"
                                    : FaultReport.seconds(rerunning) + " after the kill")
                            + "; worker back (ready) " + FaultReport.seconds(Duration.between(killed, Instant.now()))
                            + " after the kill";
                });
        if (detected.get() == null) {
            result.problem("the attempts of the lost worker were not all re-dispatched while it was away ("
                    + WORKER_AWAY.toSeconds() + " s)");
        }
        // Exactly the attempts the lost worker held are retried (worker_lost); any other retry is needless.
        result.retriesAllowedFor(lost.get());
        List<String> notRetried = new ArrayList<>();
        for (Containers.Container c : held.get()) {
            if (attemptNow(c) <= c.attempt()) {
                notRetried.add(c.taskRun() + " attempt " + c.attempt());
            }
        }
        if (!notRetried.isEmpty()) {
            result.problem("held by the lost worker but never retried: " + notRetried);
        }
        result.publish().assertClean();
    }

    private void killAndRestart(String service) {
        Scenario.of("(a) SIGKILL " + service, shortPipeline(service.replace("-service", "-kill")),
                FaultSuiteIT::echoedId).run(s -> {
                    Instant killed = Instant.now();
                    stack.kill(service);
                    stack.start(service);
                    return service + " back (ready) " + FaultReport.seconds(Duration.between(killed, Instant.now()))
                            + " after the kill";
                }).publish().assertClean();
    }

    /** Whether the container's task run has a later attempt that runs (or already ran) on a worker. */
    private boolean runsAgain(Containers.Container c) {
        Workers.TaskRunKey key = Workers.TaskRunKey.parse(c.taskRun());
        TaskRun t = api.getTaskRun(key.namespace(), key.pipelineId(), key.runId(), key.taskId());
        return t.attempt() > c.attempt()
                && (t.state() == TaskRunState.RUNNING || t.state() == TaskRunState.COMPLETE);
    }

    /** The current attempt of the container's task run, as the API has it. */
    private int attemptNow(Containers.Container c) {
        Workers.TaskRunKey key = Workers.TaskRunKey.parse(c.taskRun());
        TaskRun t = api.getTaskRun(key.namespace(), key.pipelineId(), key.runId(), key.taskId());
        return t.attempt();
    }

    /** Two short tasks, the second after the first: the DAG must advance across the fault. */
    private static Pipeline shortPipeline(String prefix) {
        String id = prefix + "-" + IDS.incrementAndGet();
        return Pipeline.of(id, "Fault suite: " + id).tasks(
                CustomTask.of("first", LocalImages.BUSYBOX).command("sh", "-c", "echo $GOFER_TASK_ID; sleep 1"),
                CustomTask.of("second", LocalImages.BUSYBOX).command("sh", "-c", "echo $GOFER_TASK_ID; sleep 1")
                        .dependsOn("first", RequiredParentStatus.SUCCESS));
    }

    /** The whole log of a task that echoes its id. */
    private static String echoedId(String taskId) {
        return taskId + "\n";
    }
}
