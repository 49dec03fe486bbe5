package dev.gofer.faults;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.assertj.core.api.SoftAssertions;
import org.awaitility.core.ConditionTimeoutException;

import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Pipeline;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunNotCreatedException;
import dev.gofer.sdk.RunStatus;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunState;
import dev.gofer.sdk.TaskRunStatus;

/**
 * One fault scenario: registers its pipeline, starts its runs at once, waits until task containers run, injects the
 * fault, waits until every run is complete, then audits what happened against the API, the status topic and the
 * Docker engine. Nothing is asserted before the figures are in the report.
 */
final class Scenario {

    static final int RUNS = 50;
    private static final String NS = FaultStack.NAMESPACE;
    /** Reasons under which a task run may end without its current attempt's exit (or with a non-matching one). */
    private static final Set<String> NO_EXIT_NEEDED = Set.of("worker_lost", "timeout", "queue_timeout",
            "user_cancelled");

    /** The fault itself; returns scenario-specific figures for the report. */
    interface Fault {
        String inject(Scenario scenario);
    }

    private final String name;
    private final Pipeline pipeline;
    private final Function<String, String> expectedLog;
    private final GoferClient api = FaultStack.api();
    private int runs = RUNS;
    private Duration terminalBound = Duration.ofMinutes(3);
    private Duration reapBound = Duration.ofSeconds(60);

    private Scenario(String name, Pipeline pipeline, Function<String, String> expectedLog) {
        this.name = name;
        this.pipeline = pipeline;
        this.expectedLog = expectedLog;
    }

    /** {@code expectedLog}: the whole log each task writes, by task id. */
    static Scenario of(String name, Pipeline pipeline, Function<String, String> expectedLog) {
        return new Scenario(name, pipeline, expectedLog);
    }

    Scenario runs(int count) {
        this.runs = count;
        return this;
    }

    /** How long, from the fault, every run may take to be complete (default 3 min). */
    Scenario terminalBound(Duration bound) {
        this.terminalBound = bound;
        return this;
    }

    /** How long, once the runs are complete, their containers may take to be removed (default 60 s). */
    Scenario reapBound(Duration bound) {
        this.reapBound = bound;
        return this;
    }

    String pipelineId() {
        return pipeline.id();
    }

    Result run(Fault fault) {
        FaultStack.ensureWhole();
        api.registerConfig(NS, pipeline);
        startRuns();
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> listRuns().size() == runs);
        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(200))
                .until(() -> Containers.ofPipeline(pipeline.id()).stream().filter(Containers.Container::running)
                        .count() >= 3);
        int inFlight = (int) listRuns().stream().filter(r -> !r.finished()).count();

        Instant faultStart = Instant.now();
        String notes = fault.inject(this);
        Duration faultTook = Duration.between(faultStart, Instant.now());

        Duration recovered = null;
        try {
            Duration left = terminalBound.minus(faultTook);
            List<Run> done = await().atMost(left.compareTo(Duration.ofSeconds(10)) < 0 ? Duration.ofSeconds(10) : left)
                    .pollInterval(Duration.ofSeconds(1))
                    .ignoreExceptions().until(this::listRuns, all -> all.stream().allMatch(Run::finished));
            long lastEnd = done.stream().mapToLong(Run::ended).max().orElse(faultStart.toEpochMilli());
            recovered = Duration.ofMillis(Math.max(0, lastEnd - faultStart.toEpochMilli()));
        } catch (ConditionTimeoutException e) {
            // counted below as runs not terminal
        }
        Result result = audit(inFlight, faultTook, recovered, notes);
        for (String service : FaultStack.get().serviceNames()) {
            if (!FaultStack.get().isRunning(service)) {
                result.problem(service + " exited during the scenario (see its log under fault-tests/target)");
            }
        }
        return result;
    }

    private void startRuns() {
        ExecutorService pool = Executors.newFixedThreadPool(10);
        try {
            List<Future<?>> started = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                started.add(pool.submit(() -> {
                    try {
                        api.startRun(NS, pipeline.id(), Map.of());
                    } catch (RunNotCreatedException e) {
                        // accepted; the run appears once api-service has processed the request
                    }
                }));
            }
            for (Future<?> f : started) {
                f.get(2, TimeUnit.MINUTES);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the runs of " + name, e);
        } finally {
            pool.shutdownNow();
        }
    }

    private List<Run> listRuns() {
        return api.listRuns(NS, pipeline.id(), 500, 0);
    }

    private Map<Run, List<TaskRun>> taskRuns() {
        Map<Run, List<TaskRun>> out = new LinkedHashMap<>();
        for (Run run : listRuns().stream().sorted(Comparator.comparingLong(Run::runId)).toList()) {
            out.put(run, api.listTaskRuns(NS, pipeline.id(), run.runId()));
        }
        return out;
    }

    private static String key(TaskRun t) {
        return t.namespaceId() + "/" + t.pipelineId() + "/" + t.runId() + "/" + t.taskId();
    }

    private Result audit(int inFlight, Duration faultTook, Duration recovered, String notes) {
        StatusRecords records = StatusRecords.read(FaultStack.kafka(), NS, pipeline.id());
        // Lines reach api-service on their own consumer: give the last ones a bounded moment to be stored.
        Map<Run, List<TaskRun>> views;
        try {
            views = await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(2)).ignoreExceptions()
                    .until(this::taskRuns, v -> logProblems(v, records, false).isEmpty());
        } catch (ConditionTimeoutException e) {
            views = taskRuns();
        }
        Result result = new Result(name, runs, inFlight, faultTook, recovered, notes);
        Map<String, Map<Integer, Set<String>>> containers = records.containersByAttempt();
        for (Map.Entry<Run, List<TaskRun>> e : views.entrySet()) {
            Run run = e.getKey();
            if (!run.finished()) {
                result.notTerminal++;
                result.problems.add("run " + run.runId() + " is still " + run.state().wire());
            } else if (run.status() == RunStatus.SUCCESSFUL) {
                result.successful++;
            } else {
                result.failed++;
                result.problems.add("run " + run.runId() + " ended " + run.status().wire()
                        + (run.statusReason() == null ? "" : " (" + run.statusReason().reason() + ")"));
            }
            for (TaskRun t : e.getValue()) {
                String key = key(t);
                if (t.attempt() > 1) {
                    result.retried++;
                    result.retriedAttempts.addAll(t.attempts().stream().filter(a -> a.attempt() < t.attempt())
                            .map(a -> new RetriedAttempt(key, a.attempt(), a.workerId(),
                                    a.statusReason() == null ? null : a.statusReason().reason()))
                            .toList());
                }
                for (Map.Entry<Integer, Set<String>> attempt : containers.getOrDefault(key, Map.of()).entrySet()) {
                    if (attempt.getKey() > t.attempt()) {
                        result.unexplained++;
                        result.problems.add(key + " attempt " + attempt.getKey() + " started on a worker, but the API "
                                + "is at attempt " + t.attempt());
                    }
                    if (attempt.getValue().size() > 1) {
                        result.ranTwice++;
                        result.problems.add(key + " attempt " + attempt.getKey() + " ran in "
                                + attempt.getValue().size() + " containers: " + attempt.getValue());
                    }
                }
                if (t.state() == TaskRunState.COMPLETE) {
                    String lost = statusProblem(t, records.lastTerminal(key, t.attempt()));
                    if (lost != null) {
                        result.lostStatus++;
                        result.problems.add(key + ": " + lost);
                    }
                }
            }
        }
        List<String> logs = logProblems(views, records, true);
        result.incompleteLogs = logs.size();
        result.problems.addAll(logs);
        if (records.undecodable() > 0) {
            result.problems.add(records.undecodable() + " status records were not JSON");
        }

        List<Containers.Container> left;
        try {
            left = await().atMost(reapBound).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Containers.ofPipeline(pipeline.id()), List::isEmpty);
        } catch (ConditionTimeoutException e) {
            left = Containers.ofPipeline(pipeline.id());
        }
        result.leftover = left.size();
        left.forEach(c -> result.problems.add("container " + c.id() + " (" + c.state() + ") of " + c.taskRun()
                + " attempt " + c.attempt() + " on " + c.worker() + " is still there " + reapBound.toSeconds()
                + " s after the runs ended"));
        return result;
    }

    /** Null when the API's outcome agrees with the attempt's last exited/failed record, else what disagrees. */
    private static String statusProblem(TaskRun t, StatusRecords.Status last) {
        String reason = t.statusReason() == null ? null : t.statusReason().reason();
        boolean exitedZero = last != null && StatusRecords.EXITED.equals(last.type())
                && Integer.valueOf(0).equals(last.exitCode());
        if (t.status() == TaskRunStatus.SUCCESSFUL) {
            return exitedZero && Objects.equals(t.exitCode(), 0)
                    ? null
                    : "API says successful, last record of attempt " + t.attempt() + " is " + describe(last);
        }
        if (t.status() == TaskRunStatus.FAILED) {
            if (reason != null && NO_EXIT_NEEDED.contains(reason)) {
                return null;
            }
            if (last == null) {
                return "API says failed (" + reason + ") without any exited/failed record of attempt " + t.attempt();
            }
            if (exitedZero) {
                return "API says failed (" + reason + "), but attempt " + t.attempt() + " exited 0";
            }
            if (StatusRecords.EXITED.equals(last.type()) && !Objects.equals(t.exitCode(), last.exitCode())) {
                return "API exit code " + t.exitCode() + ", record says " + last.exitCode();
            }
            return null;
        }
        if (t.status() == TaskRunStatus.CANCELLED || t.status() == TaskRunStatus.SKIPPED) {
            return exitedZero && !"user_cancelled".equals(reason)
                    ? "API says " + t.status().wire() + ", but attempt " + t.attempt() + " exited 0"
                    : null;
        }
        return "complete with status " + t.status().wire();
    }

    private static String describe(StatusRecords.Status s) {
        if (s == null) {
            return "missing";
        }
        return s.type() + (s.exitCode() == null ? "" : " " + s.exitCode())
                + (s.reason() == null ? "" : " (" + s.reason() + ")");
    }

    /**
     * Task runs whose current attempt exited but whose stored log is not complete, has another line count than the
     * exit record, or (with {@code content}) is not the text the task writes.
     */
    private List<String> logProblems(Map<Run, List<TaskRun>> views, StatusRecords records, boolean content) {
        List<String> problems = new ArrayList<>();
        for (List<TaskRun> taskRuns : views.values()) {
            for (TaskRun t : taskRuns) {
                StatusRecords.Status last = records.lastTerminal(key(t), t.attempt());
                if (last == null || !StatusRecords.EXITED.equals(last.type()) || last.logLines() == null) {
                    continue;
                }
                if (!t.logs().complete() || t.logs().lines() != last.logLines()) {
                    problems.add(key(t) + " log: " + t.logs().lines() + " lines stored (complete: "
                            + t.logs().complete() + "), the worker reported " + last.logLines());
                } else if (content && t.status() == TaskRunStatus.SUCCESSFUL) {
                    String text = api.getTaskLogs(NS, t.pipelineId(), t.runId(), t.taskId());
                    String expected = expectedLog.apply(t.taskId());
                    if (!text.equals(expected)) {
                        problems.add(key(t) + " log is " + quote(text) + ", expected " + quote(expected));
                    }
                }
            }
        }
        return problems;
    }

    private static String quote(String s) {
        return "\"" + s.replace("\n", "\\n") + "\"";
    }

    /** An attempt that was followed by another one: who ran it and why it ended. */
    record RetriedAttempt(String taskRun, int attempt, String workerId, String reason) {
    }

    /** The figures of one scenario; more problems may be added before it is published. */
    static final class Result {

        private final String name;
        private final int runs;
        private final int inFlight;
        private final Duration faultTook;
        private final Duration recovered;
        private final String notes;
        private int successful;
        private int failed;
        private int notTerminal;
        private int retried;
        private int unexplained;
        private int ranTwice;
        private int leftover;
        private int lostStatus;
        private int incompleteLogs;
        private final List<String> problems = new ArrayList<>();
        private final List<String> scenarioProblems = new ArrayList<>();
        private final List<RetriedAttempt> retriedAttempts = new ArrayList<>();
        /** The worker whose loss may retry attempts it held; null: no retry is needed, so none may happen. */
        private String lostWorker;

        private Result(String name, int runs, int inFlight, Duration faultTook, Duration recovered, String notes) {
            this.name = name;
            this.runs = runs;
            this.inFlight = inFlight;
            this.faultTook = faultTook;
            this.recovered = recovered;
            this.notes = notes;
        }

        /**
         * Retries are expected of the attempts {@code workerId} held when it was lost ({@code worker_lost}), and of no
         * other attempt.
         */
        Result retriesAllowedFor(String workerId) {
            this.lostWorker = workerId;
            return this;
        }

        /** Attempts that were retried although no lost worker held them: a retry the fault did not call for. */
        List<RetriedAttempt> needlessRetries() {
            return retriedAttempts.stream()
                    .filter(a -> lostWorker == null || !lostWorker.equals(a.workerId())
                            || !"worker_lost".equals(a.reason()))
                    .toList();
        }

        /** A failed expectation particular to the scenario. */
        void problem(String problem) {
            scenarioProblems.add(problem);
        }

        FaultReport.Row row() {
            return new FaultReport.Row(name, runs, inFlight, successful, failed, notTerminal, retried, unexplained,
                    ranTwice, leftover, lostStatus, incompleteLogs, faultTook, recovered, notes);
        }

        /** Adds the row (and the problems) to the report. */
        Result publish() {
            needlessRetries().forEach(a -> problems.add(a.taskRun() + " attempt " + a.attempt() + " on "
                    + a.workerId() + " was retried (" + a.reason() + ") although "
                    + (lostWorker == null ? "no worker was lost" : "only " + lostWorker + " was lost")));
            List<String> all = new ArrayList<>(scenarioProblems);
            all.addAll(problems);
            FaultReport.add(row(), all);
            return this;
        }

        /**
         * Every run successful and complete; nothing ran twice, was left behind, lost, unexplained or retried without
         * a lost worker's lease calling for it.
         */
        void assertClean() {
            SoftAssertions soft = new SoftAssertions();
            soft.assertThat(notTerminal).as("%s: runs not terminal", name).isZero();
            soft.assertThat(successful).as("%s: successful runs", name).isEqualTo(runs);
            soft.assertThat(ranTwice).as("%s: attempts whose container ran twice", name).isZero();
            soft.assertThat(unexplained).as("%s: attempts the API did not make", name).isZero();
            soft.assertThat(needlessRetries()).as("%s: needless retries (task runs retried: %d)", name, retried)
                    .isEmpty();
            soft.assertThat(leftover).as("%s: containers left behind", name).isZero();
            soft.assertThat(lostStatus).as("%s: task runs whose status was lost", name).isZero();
            soft.assertThat(incompleteLogs).as("%s: task runs with incomplete logs", name).isZero();
            soft.assertThat(scenarioProblems).as("%s: scenario expectations", name).isEmpty();
            soft.assertThat(problems).as("%s: problems", name).isEmpty();
            soft.assertAll();
        }
    }
}
