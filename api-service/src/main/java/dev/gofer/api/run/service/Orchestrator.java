package dev.gofer.api.run.service;

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
import dev.gofer.api.common.persistence.AfterCommit;
import dev.gofer.api.common.persistence.ProcessedEvents;
import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.outbox.Outbox;
import dev.gofer.api.pipeline.service.PipelineService;
import dev.gofer.api.pipeline.service.RequiredParentStatus;
import dev.gofer.api.pipeline.service.TaskConfig;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.TaskRun;
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

/**
 * Walks a run's DAG. Records task-run status events (once per event id; events of a stale attempt or for a finished
 * task run change nothing), dispatches every waiting task whose parents are finished and whose conditions hold,
 * skips those whose conditions cannot hold any more, and completes the run when every task run is complete. Each
 * step happens under a lock on the run row, in the transaction that also writes the events it implies (outbox).
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
    DomainEvents events;

    /** Grace for stopping a container that must not run (fencing). */
    @ConfigProperty(name = "gofer.api.cancel-grace", defaultValue = "10")
    int cancelGrace;

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
        if (event instanceof TaskRunStarted started && event.attempt() == tr.attempt
                && (tr.isComplete() || tr.cancelRequested)) {
            // Fencing: a container started for an attempt that is over (or being cancelled) must stop.
            LOG.infof("container %s of %s attempt %d runs although the task run is %s; stopping it",
                    started.containerId(), ref.key(), event.attempt(), tr.isComplete() ? "complete" : "cancelled");
            publishCancel(tr, cancelGrace, "fenced");
            return;
        }
        if (event.attempt() != tr.attempt || tr.isComplete()) {
            LOG.debugf("ignoring %s for %s attempt %d (current attempt %d, state %s)",
                    event.getClass().getSimpleName(), ref.key(), event.attempt(), tr.attempt, tr.state);
            return;
        }
        if (event instanceof TaskRunStarted started) {
            tr.state = TaskRunState.RUNNING;
            tr.started = occurredAt;
            tr.workerId = started.workerId();
            tr.containerId = started.containerId();
            events.record(new TaskRunChanged(TaskRunChanged.RUNNING, ref, tr.attempt, tr.status.wire(), null, null));
        } else if (event instanceof TaskRunExited exited) {
            if (tr.started == 0) {
                tr.started = occurredAt;
            }
            tr.workerId = exited.workerId();
            tr.exitCode = exited.exitCode();
            tr.logLinesExpected = exited.logLines();
            if (tr.cancelRequested) {
                complete(tr, TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED,
                        "cancelled by user; the container exited with code " + exited.exitCode(), occurredAt);
            } else if (exited.exitCode() == 0) {
                complete(tr, TaskRunStatus.SUCCESSFUL, null, null, occurredAt);
            } else {
                complete(tr, TaskRunStatus.FAILED, StatusReason.ABNORMAL_EXIT,
                        "task exited with code " + exited.exitCode(), occurredAt);
            }
        } else if (event instanceof TaskRunFailed failed) {
            complete(tr, TaskRunStatus.FAILED, reasonOf(failed.reason()), failed.message(), occurredAt);
        }
        advance(run, all);
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
                publishCancel(tr, graceSeconds, StatusReason.USER_CANCELLED.wire());
            }
            case RUNNING -> {
                tr.cancelRequested = true;
                publishCancel(tr, graceSeconds, StatusReason.USER_CANCELLED.wire());
            }
            case COMPLETE -> {
            }
        }
    }

    private void publishCancel(TaskRun tr, int graceSeconds, String reason) {
        TaskRunRef ref = new TaskRunRef(tr.namespaceId, tr.pipelineId, tr.runId, tr.taskId);
        outbox.enqueue(Topics.TASK_RUNS_CANCEL,
                Envelope.of(ref.key(), new TaskRunCancel(ref, tr.attempt, graceSeconds, reason)));
    }

    /** Dispatches or skips every waiting task run whose parents are complete; completes the run when all are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(Run run, List<TaskRun> all) {
        Map<String, TaskRun> byTask = all.stream().collect(Collectors.toMap(t -> t.taskId, Function.identity()));
        boolean changed = true;
        while (changed) {
            changed = false;
            for (TaskRun tr : all) {
                if (tr.state != TaskRunState.WAITING) {
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
        TaskRunRef ref = new TaskRunRef(tr.namespaceId, tr.pipelineId, tr.runId, tr.taskId);
        RegistryAuth auth = task.registryAuth() == null
                ? null
                : new RegistryAuth(task.registryAuth().user(), task.registryAuth().pass());
        outbox.enqueue(Topics.TASK_RUNS_RESOLVE, Envelope.of(ref.key(), new TaskRunToResolve(ref, tr.attempt,
                task.image(), task.entrypoint(), task.command(), Json.variables(tr.variables), auth,
                task.pullPolicy())));
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
