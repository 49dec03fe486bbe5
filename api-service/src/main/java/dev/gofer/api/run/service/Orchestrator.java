package dev.gofer.api.run.service;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.gofer.api.ApiException;
import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.pipeline.service.PipelineService;
import dev.gofer.api.pipeline.service.RequiredParentStatus;
import dev.gofer.api.pipeline.service.TaskConfig;
import dev.gofer.api.pipeline.service.TaskConfig.RetryConfig;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunAttempt;
import dev.gofer.api.run.persistence.TaskRunAttemptRepository;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.events.Envelope;
import dev.gofer.events.FailureReason;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.RegistryAuth;
import dev.gofer.events.RunChanged;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunChanged;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.support.outbox.Outbox;
import dev.gofer.support.transaction.AfterCommit;
import dev.gofer.support.transaction.ProcessedEvents;

/**
 * Walks a run's DAG. Records task-run status events (once per event id; events of a stale attempt or for a finished
 * task run change nothing, and a container started for one is stopped: fencing), retries attempts as their task's
 * retry policy allows, dispatches every waiting task whose parents are finished and whose conditions hold (and whose
 * retry backoff has passed), skips those whose conditions cannot hold any more, and completes the run when every task
 * run is complete. The {@link TaskRunSupervisor} calls {@link #supervise(long)} for runs with a deadline that passed:
 * a retry that is due, a queue timeout, a lease that lapsed (worker lost). Each step happens under a lock on the run
 * row, in the transaction that also writes the events it implies (outbox).
 */
@ApplicationScoped
public class Orchestrator {

    private static final Logger LOG = Logger.getLogger(Orchestrator.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    RunRepository runs;

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    Outbox outbox;

    @Inject
    AfterCommit afterCommit;

    @Inject
    RunPromoter promoter;

    @Inject
    LogRetention logRetention;

    @Inject
    LeaseService leases;

    @Inject
    DomainEvents events;

    @Inject
    TaskRunAttemptRepository attempts;

    @Inject
    TaskRunSupervisor supervisor;

    /** Grace for stopping a container that must not run (fencing, worker lost, queue timeout). */
    @ConfigProperty(name = "gofer.api.cancel-grace", defaultValue = "10")
    int cancelGrace;

    /** How long a worker holds a running attempt without a heartbeat that lists it. */
    @ConfigProperty(name = "gofer.api.lease-ttl", defaultValue = "15s")
    Duration leaseTtl;

    @Transactional
    public void onStatus(String eventId, long occurredAt, TaskRunEvent event) {
        if (event instanceof TaskRunToResolve || event instanceof TaskRunReady || event instanceof TaskRunCancel) {
            throw new InvalidEventException("'" + event.getClass().getSimpleName() + "' does not belong on "
                    + Topics.TASK_RUN_STATUS);
        }
        if (!processed.firstTime(eventId)) {
            return;
        }
        TaskRunRef ref = event.taskRun();
        Run run = runs.findForUpdate(ref.namespaceId(), ref.pipelineId(), ref.runId())
                .orElseThrow(() -> new InvalidEventException("no run " + ref.runKey()));
        List<TaskRun> all = taskRuns.listByRun(run.id);
        TaskRun tr = all.stream().filter(t -> t.taskId.equals(ref.taskId())).findFirst()
                .orElseThrow(() -> new InvalidEventException("no task run " + ref.key()));
        if (event instanceof TaskRunStarted started
                && (event.attempt() != tr.attempt || tr.isComplete() || tr.cancelRequested)) {
            // Fencing: a container started for an attempt that is over, superseded or being cancelled must stop.
            LOG.infof("container %s of %s attempt %d runs on %s although %s; stopping it", started.containerId(),
                    ref.key(), event.attempt(), started.workerId(), event.attempt() != tr.attempt
                            ? "attempt " + tr.attempt + " is the current one"
                            : tr.isComplete() ? "the task run is complete" : "it is being cancelled");
            publishCancel(tr, event.attempt(), cancelGrace, "fenced");
            return;
        }
        if (event.attempt() != tr.attempt || tr.isComplete()) {
            LOG.debugf("ignoring %s for %s attempt %d (current attempt %d, state %s)",
                    event.getClass().getSimpleName(), ref.key(), event.attempt(), tr.attempt, tr.state);
            return;
        }
        if (isSecondContainer(tr, event)) {
            return;
        }
        long now = System.currentTimeMillis();
        if (event instanceof TaskRunStarted started) {
            boolean adopted = tr.state == TaskRunState.RUNNING;
            tr.workerId = started.workerId();
            tr.containerId = started.containerId();
            tr.queueDeadline = 0;
            tr.leaseRenewed = now;
            tr.leaseExpires = now + leaseTtl.toMillis();
            if (adopted) {
                // A restarted worker found its container again and reports it: the lease is renewed, nothing else.
                LOG.infof("worker %s reports %s attempt %d running again (container %s)", started.workerId(),
                        ref.key(), event.attempt(), started.containerId());
            } else {
                tr.state = TaskRunState.RUNNING;
                tr.started = occurredAt;
                events.record(
                        new TaskRunChanged(TaskRunChanged.RUNNING, ref, tr.attempt, tr.status.wire(), null, null));
            }
        } else if (event instanceof TaskRunExited exited) {
            onExited(tr, exited, occurredAt, now);
        } else if (event instanceof TaskRunFailed failed) {
            complete(tr, TaskRunStatus.FAILED, reasonOf(failed.reason()), failed.message(), occurredAt);
        }
        advance(run, all);
    }

    /**
     * The container exited: cancelled if a stop was asked for, failed with {@code timeout} if the worker stopped it at
     * its time limit, successful with code 0; any other code is retried as a new attempt after the backoff when the
     * retry policy allows, and fails the task run otherwise.
     */
    private void onExited(TaskRun tr, TaskRunExited exited, long occurredAt, long now) {
        if (tr.started == 0) {
            tr.started = occurredAt;
        }
        tr.workerId = exited.workerId();
        tr.exitCode = exited.exitCode();
        tr.logLinesExpected = exited.logLines();
        TaskConfig task = PipelineService.readTask(tr.task);
        RetryConfig retry = task.retryPolicy();
        if (tr.cancelRequested) {
            complete(tr, TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED,
                    "cancelled by user; the container exited with code " + exited.exitCode(), occurredAt);
        } else if (Boolean.TRUE.equals(exited.timedOut())) {
            complete(tr, TaskRunStatus.FAILED, StatusReason.TIMEOUT, "the task ran longer than its time limit"
                    + (task.timeoutSeconds() == null ? "" : " of " + task.timeoutSeconds() + " s")
                    + " and was stopped (exit code " + exited.exitCode() + ")", occurredAt);
        } else if (exited.exitCode() == 0) {
            complete(tr, TaskRunStatus.SUCCESSFUL, null, null, occurredAt);
        } else if (retry.retriesExit(exited.exitCode(), tr.exitRetries)) {
            tr.exitRetries++;
            long backoff = retry.backoffMillis(tr.exitRetries);
            newAttempt(tr, StatusReason.ABNORMAL_EXIT, "task exited with code " + exited.exitCode() + "; retry "
                    + tr.exitRetries + " of " + (retry.maxAttempts() - 1) + " follows after " + backoff / 1000 + " s",
                    now + backoff, occurredAt, now);
        } else {
            complete(tr, TaskRunStatus.FAILED, StatusReason.ABNORMAL_EXIT, "task exited with code "
                    + exited.exitCode() + (tr.attempt > 1 ? " on attempt " + tr.attempt : ""), occurredAt);
        }
    }

    /**
     * Ends the current attempt (kept in the task run's attempt history with {@code reason}) and makes the task run
     * wait for the next one, dispatched at {@code dispatchAt} (at once when that is not in the future).
     */
    private void newAttempt(TaskRun tr, StatusReason reason, String description, long dispatchAt, long endedAt,
            long now) {
        TaskRunAttempt ended = new TaskRunAttempt();
        ended.taskRunPk = tr.id;
        ended.attempt = tr.attempt;
        ended.workerId = tr.workerId;
        ended.containerId = tr.containerId;
        ended.exitCode = tr.exitCode;
        ended.status = TaskRunStatus.FAILED;
        ended.statusReason = reason;
        ended.statusDescription = description;
        ended.started = tr.started;
        ended.ended = endedAt;
        ended.logLines = tr.logLinesExpected;
        attempts.persist(ended);
        Integer exitCode = tr.exitCode;
        tr.attempt++;
        tr.state = TaskRunState.WAITING;
        tr.status = TaskRunStatus.UNKNOWN;
        tr.statusReason = null;
        tr.statusDescription = null;
        tr.exitCode = null;
        tr.started = 0;
        tr.ended = 0;
        tr.workerId = null;
        tr.containerId = null;
        tr.logLinesExpected = null;
        tr.queueDeadline = 0;
        tr.leaseExpires = 0;
        tr.leaseRenewed = 0;
        tr.retryAt = dispatchAt > now ? dispatchAt : 0;
        LOG.infof("task run %s attempt %d ended (%s: %s); attempt %d %s", refOf(tr).key(), ended.attempt,
                reason.wire(), description, tr.attempt,
                tr.retryAt == 0 ? "is dispatched now" : "is dispatched at " + Instant.ofEpochMilli(tr.retryAt));
        events.record(new TaskRunChanged(TaskRunChanged.RETRYING, refOf(tr), tr.attempt, tr.status.wire(), exitCode,
                reason.wire()));
        if (tr.retryAt > 0) {
            long at = tr.retryAt;
            afterCommit.run(() -> supervisor.wakeAt(at));
        }
    }

    /**
     * Acts on the deadlines of a run's task runs that have passed: dispatches retries that are due, fails task runs
     * whose container did not start within their queue timeout, and treats a running task run whose lease lapsed as
     * lost with its worker. Skips the run when another transaction (status handling, another instance's sweep) holds
     * it; the next sweep comes back to it.
     */
    @Transactional
    public void supervise(long runPk) {
        Run run = runs.lockIfFree(runPk).orElse(null);
        if (run == null || run.state != RunState.RUNNING) {
            return;
        }
        long now = System.currentTimeMillis();
        List<TaskRun> all = taskRuns.listByRun(run.id);
        boolean changed = false;
        for (TaskRun tr : all) {
            switch (tr.state) {
                case WAITING -> {
                    if (tr.retryAt > 0 && tr.retryAt <= now) {
                        tr.retryAt = 0;
                        changed = true;
                    }
                }
                case PROCESSING -> {
                    if (tr.queueDeadline > 0 && tr.queueDeadline <= now) {
                        queueTimedOut(tr, now);
                        changed = true;
                    }
                }
                case RUNNING -> {
                    if (tr.leaseExpires > 0 && tr.leaseExpires <= now && leases.judging(now)) {
                        // Wait for a heartbeat renewing it right now, then look again.
                        taskRuns.refreshForUpdate(tr);
                        if (tr.state == TaskRunState.RUNNING && tr.leaseExpires > 0 && tr.leaseExpires <= now) {
                            workerLost(tr, now);
                            changed = true;
                        }
                    }
                }
                case COMPLETE -> {
                }
            }
        }
        if (changed) {
            advance(run, all);
        }
    }

    private void queueTimedOut(TaskRun tr, long now) {
        TaskConfig task = PipelineService.readTask(tr.task);
        LOG.warnf("task run %s attempt %d did not start within its queue timeout; failing it", refOf(tr).key(),
                tr.attempt);
        complete(tr, TaskRunStatus.FAILED, StatusReason.QUEUE_TIMEOUT, "the container did not start within "
                + task.queueTimeoutSeconds() + " s of the task run being dispatched", now);
        publishCancel(tr, tr.attempt, cancelGrace, StatusReason.QUEUE_TIMEOUT.wire());
    }

    /**
     * The worker of a running attempt stopped renewing its lease. Its container is told to stop (should the worker come
     * back), then the task run is retried at once as a new attempt while {@code on_worker_lost} retries remain, and
     * fails with {@code worker_lost} otherwise (or ends cancelled if a stop had been asked for).
     */
    private void workerLost(TaskRun tr, long now) {
        String description = "worker " + tr.workerId + " stopped sending heartbeats at "
                + Instant.ofEpochMilli(tr.leaseRenewed);
        LOG.warnf("task run %s attempt %d: %s", refOf(tr).key(), tr.attempt, description);
        publishCancel(tr, tr.attempt, cancelGrace, StatusReason.WORKER_LOST.wire());
        RetryConfig retry = PipelineService.readTask(tr.task).retryPolicy();
        if (tr.cancelRequested) {
            complete(tr, TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED, "cancelled by user; " + description,
                    now);
        } else if (tr.workerLostRetries < retry.onWorkerLost()) {
            tr.workerLostRetries++;
            newAttempt(tr, StatusReason.WORKER_LOST, description, now, now, now);
        } else {
            complete(tr, TaskRunStatus.FAILED, StatusReason.WORKER_LOST, description, now);
        }
    }

    /** Moves a run from pending (or new) to running and dispatches the tasks that can start. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Run run, List<TaskRun> all) {
        run.state = RunState.RUNNING;
        run.started = System.currentTimeMillis();
        LOG.infof("run %s/%s/%d started", run.namespaceId, run.pipelineId, run.runId);
        recordRun(run, RunChanged.STARTED);
        advance(run, all);
    }

    /**
     * Cancels every unfinished task run of the run: those not started yet end cancelled at once, running ones are
     * stopped by their worker (SIGTERM, SIGKILL after {@code graceSeconds}) and end cancelled when it reports the
     * exit. False when the run is already complete.
     */
    @Transactional
    public boolean cancelRun(String namespaceId, String pipelineId, long runId, int graceSeconds) {
        Run run = runs.findForUpdate(namespaceId, pipelineId, runId)
                .orElseThrow(() -> ApiException.notFound("run " + runId + " of pipeline '" + namespaceId + "/"
                        + pipelineId + "' does not exist"));
        if (run.state == RunState.COMPLETE) {
            return false;
        }
        List<TaskRun> all = taskRuns.listByRun(run.id);
        recordRun(run, RunChanged.CANCELLING);
        all.forEach(tr -> cancel(tr, graceSeconds));
        if (run.state == RunState.RUNNING || all.stream().allMatch(TaskRun::isComplete)) {
            advance(run, all);
        }
        return true;
    }

    /** Cancels one task run; the rest of the run follows the DAG rules (its children are skipped). */
    @Transactional
    public boolean cancelTaskRun(String namespaceId, String pipelineId, long runId, String taskId,
            int graceSeconds) {
        Run run = runs.findForUpdate(namespaceId, pipelineId, runId)
                .orElseThrow(() -> ApiException.notFound("run " + runId + " of pipeline '" + namespaceId + "/"
                        + pipelineId + "' does not exist"));
        List<TaskRun> all = taskRuns.listByRun(run.id);
        TaskRun tr = all.stream().filter(t -> t.taskId.equals(taskId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("task run '" + taskId + "' of run " + runId
                        + " does not exist"));
        if (tr.isComplete()) {
            return false;
        }
        cancel(tr, graceSeconds);
        if (run.state == RunState.RUNNING) {
            advance(run, all);
        }
        return true;
    }

    private void cancel(TaskRun tr, int graceSeconds) {
        switch (tr.state) {
            case WAITING -> complete(tr, TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED, "cancelled by user",
                    System.currentTimeMillis());
            case PROCESSING -> {
                // On its way to a worker: it ends now; a worker that has it, or gets it later, must not run it.
                complete(tr, TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED, "cancelled by user",
                        System.currentTimeMillis());
                publishCancel(tr, tr.attempt, graceSeconds, StatusReason.USER_CANCELLED.wire());
            }
            case RUNNING -> {
                tr.cancelRequested = true;
                publishCancel(tr, tr.attempt, graceSeconds, StatusReason.USER_CANCELLED.wire());
            }
            case COMPLETE -> {
            }
        }
    }

    private void publishCancel(TaskRun tr, int attempt, int graceSeconds, String reason) {
        publishCancel(tr, attempt, graceSeconds, reason, null);
    }

    private void publishCancel(TaskRun tr, int attempt, int graceSeconds, String reason, String containerId) {
        TaskRunRef ref = refOf(tr);
        outbox.enqueue(Topics.TASK_RUNS_CANCEL,
                Envelope.of(ref.key(), new TaskRunCancel(ref, attempt, graceSeconds, reason, containerId)));
    }

    /**
     * Whether the event comes from a second container of the running attempt: one started by another worker from a
     * ready record delivered again (its first worker died before committing the offset, and the next one, on another
     * host, could not see the container). The first container reported stays the attempt's; the other is told to stop
     * (a cancel naming its container) each time it reports {@code started}, and its exit changes nothing.
     */
    private boolean isSecondContainer(TaskRun tr, TaskRunEvent event) {
        if (tr.state != TaskRunState.RUNNING || tr.containerId == null) {
            return false;
        }
        if (event instanceof TaskRunStarted started && !tr.containerId.equals(started.containerId())) {
            LOG.warnf("container %s of %s attempt %d started on %s, but container %s on %s runs that attempt; "
                    + "stopping the second one", started.containerId(), refOf(tr).key(), tr.attempt, started.workerId(),
                    tr.containerId, tr.workerId);
            publishCancel(tr, tr.attempt, cancelGrace, "fenced", started.containerId());
            return true;
        }
        if (event instanceof TaskRunExited exited && exited.containerId() != null
                && !tr.containerId.equals(exited.containerId())) {
            LOG.infof("ignoring the exit (%d) of container %s of %s attempt %d: container %s runs that attempt",
                    exited.exitCode(), exited.containerId(), refOf(tr).key(), tr.attempt, tr.containerId);
            return true;
        }
        return false;
    }

    /** Dispatches or skips every waiting task run whose parents are complete; completes the run when all are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(Run run, List<TaskRun> all) {
        Map<String, TaskRun> byTask = all.stream().collect(Collectors.toMap(t -> t.taskId, Function.identity()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TaskRun tr : all) {
                if (tr.state != TaskRunState.WAITING || tr.retryAt > 0) {
                    continue;
                }
                TaskConfig task = PipelineService.readTask(tr.task);
                if (!task.dependsOn().keySet().stream().allMatch(p -> byTask.get(p).isComplete())) {
                    continue;
                }
                Optional<String> unmet = unmetCondition(task, byTask);
                if (unmet.isPresent()) {
                    complete(tr, TaskRunStatus.SKIPPED, StatusReason.FAILED_PRECONDITION, unmet.get(),
                            System.currentTimeMillis());
                    changed = true;
                } else {
                    dispatch(tr, task);
                }
            }
        }
        if (all.stream().allMatch(TaskRun::isComplete)) {
            completeRun(run, all);
        }
    }

    private void dispatch(TaskRun tr, TaskConfig task) {
        tr.state = TaskRunState.PROCESSING;
        tr.queueDeadline = task.queueTimeoutSeconds() == null
                ? 0
                : System.currentTimeMillis() + task.queueTimeoutSeconds() * 1000;
        TaskRunRef ref = refOf(tr);
        RegistryAuth auth = task.registryAuth() == null
                ? null
                : new RegistryAuth(task.registryAuth().user(), task.registryAuth().pass());
        outbox.enqueue(Topics.TASK_RUNS_RESOLVE, Envelope.of(ref.key(), new TaskRunToResolve(ref, tr.attempt,
                task.image(), task.entrypoint(), task.command(), Json.variables(tr.variables), auth,
                task.pullPolicy(), task.controls())));
    }

    private static Optional<String> unmetCondition(TaskConfig task, Map<String, TaskRun> byTask) {
        for (Map.Entry<String, RequiredParentStatus> dep : task.dependsOn().entrySet()) {
            TaskRunStatus parent = byTask.get(dep.getKey()).status;
            boolean met = switch (dep.getValue()) {
                case SUCCESS -> parent == TaskRunStatus.SUCCESSFUL;
                case FAILURE -> parent == TaskRunStatus.FAILED;
                case ANY -> parent == TaskRunStatus.SUCCESSFUL || parent == TaskRunStatus.FAILED
                        || parent == TaskRunStatus.SKIPPED;
            };
            if (!met) {
                return Optional.of("parent '" + dep.getKey() + "' ended " + parent.wire() + "; this task requires "
                        + dep.getValue().wire());
            }
        }
        return Optional.empty();
    }

    private void complete(TaskRun tr, TaskRunStatus status, StatusReason reason, String description, long at) {
        tr.state = TaskRunState.COMPLETE;
        tr.status = status;
        tr.statusReason = reason;
        tr.statusDescription = description;
        tr.ended = at;
        events.record(new TaskRunChanged(TaskRunChanged.COMPLETED, refOf(tr), tr.attempt, status.wire(),
                tr.exitCode, reason == null ? null : reason.wire()));
    }

    private static TaskRunRef refOf(TaskRun tr) {
        return new TaskRunRef(tr.namespaceId, tr.pipelineId, tr.runId, tr.taskId);
    }

    /**
     * A run with a cancelled task run ends cancelled. Otherwise it fails when any task run failed or ended in an
     * unknown state; a skipped task does not fail it by itself (a {@code failure}-only clean-up task is skipped in
     * every good run).
     */
    private void completeRun(Run run, List<TaskRun> all) {
        afterCommit.run(promoter::wake);
        afterCommit.run(logRetention::wake);
        List<TaskRun> failed = new ArrayList<>();
        for (TaskRun tr : all) {
            if (tr.status == TaskRunStatus.FAILED || tr.status == TaskRunStatus.UNKNOWN) {
                failed.add(tr);
            }
        }
        run.state = RunState.COMPLETE;
        run.ended = all.stream().mapToLong(t -> t.ended).max().orElse(System.currentTimeMillis());
        if (all.stream().anyMatch(t -> t.status == TaskRunStatus.CANCELLED)) {
            run.status = RunStatus.CANCELLED;
            run.statusReason = StatusReason.USER_CANCELLED;
            run.statusDescription = "cancelled by user";
        } else if (failed.isEmpty()) {
            run.status = RunStatus.SUCCESSFUL;
        } else {
            run.status = RunStatus.FAILED;
            run.statusReason = failed.get(0).statusReason == null
                    ? StatusReason.ABNORMAL_EXIT
                    : failed.get(0).statusReason;
            run.statusDescription = "task run(s) failed: "
                    + failed.stream().map(t -> t.taskId).collect(Collectors.joining(", "));
        }
        LOG.infof("run %s/%s/%d complete: %s", run.namespaceId, run.pipelineId, run.runId, run.status.wire());
        recordRun(run, RunChanged.COMPLETED);
    }

    /** Records a run's domain event ({@code run.queued}, {@code run.started}, ...) with its state now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRun(Run run, String kind) {
        events.record(new RunChanged(kind, run.namespaceId, run.pipelineId, run.runId, run.state.wire(),
                run.status.wire(), run.statusReason == null ? null : run.statusReason.wire()));
    }

    private static StatusReason reasonOf(FailureReason reason) {
        return switch (reason) {
            case FAILED_PRECONDITION -> StatusReason.FAILED_PRECONDITION;
            case SCHEDULER_ERROR -> StatusReason.SCHEDULER_ERROR;
        };
    }
}
