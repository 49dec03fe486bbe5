package dev.gofer.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
    /** The API must have re-dispatched a lost worker's attempts this soon after it died. */
    static final Duration DETECTION_BOUND = Duration.ofSeconds(30);
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
    void shouldCompleteEveryRunOnceWhenTriggerServiceIsKilledAndRestarted() {
        // No trigger starts these runs: the point is that losing trigger-service disturbs nothing else.
        killAndRestart(LocalStack.TRIGGER);
    }

    @Test
    @Order(4)
    void shouldCompleteEveryRunOnceWhenAWorkerIsKilledAndRestartedAtOnce() {
        Scenario.of("(a) SIGKILL a worker, restart at once", shortPipeline("worker-kill"), FaultSuiteIT::echoedId)
                .run(s -> {
                    String victim = Workers.busiest(s.pipelineId(), 2);
                    int held = Workers.running(victim, s.pipelineId()).size();
                    Instant killed = Instant.now();
                    stack.kill(FaultStack.schedulerOf(victim));
                    stack.start(FaultStack.schedulerOf(victim));
                    return "killed " + victim + " while it ran " + held + " containers of the scenario; back (ready) "
                            + FaultReport.seconds(Duration.between(killed, Instant.now())) + " later";
                }).publish().assertClean();
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
        Scenario.Result result = Scenario.of("(c) SIGKILL a worker holding running tasks, back after 40 s", pipeline,
                FaultSuiteIT::echoedId).terminalBound(Duration.ofMinutes(5)).run(s -> {
                    String victim = Workers.busiest(s.pipelineId(), 2);
                    held.set(Workers.running(victim, s.pipelineId()));
                    Instant killed = Instant.now();
                    stack.kill(FaultStack.schedulerOf(victim));
                    try {
                        await().atMost(DETECTION_BOUND).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
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
                                    ? "they were NOT all re-dispatched within " + DETECTION_BOUND.toSeconds() + " s"
                                    : "all re-dispatched " + FaultReport.seconds(detected.get()) + " after the kill")
                            + "; their next attempts all running "
                            + (rerunning == null
                                    ? "NOT before the worker returned"
                                    : FaultReport.seconds(rerunning) + " after the kill")
                            + "; worker back (ready) " + FaultReport.seconds(Duration.between(killed, Instant.now()))
                            + " after the kill";
                });
        if (detected.get() == null) {
            result.problem("the attempts of the lost worker were not all re-dispatched within "
                    + DETECTION_BOUND.toSeconds() + " s");
        }
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
