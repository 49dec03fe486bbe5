package dev.gofer.api.run.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.api.run.persistence.TaskRunStatus;
import dev.gofer.events.FailureReason;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.support.transaction.ProcessedEvents;

/**
 * Records task-run status from store-service and workers, once per event id and under the run's lock, in the
 * transaction that also writes the events it implies: a container running (the lease starts), an exit (what follows
 * it is {@link AttemptOutcomes#afterExit}), a failure before the container ran. Events that {@link Fencing} does not
 * admit change nothing. Then the run moves along its DAG ({@link RunAdvancer}).
 */
@ApplicationScoped
public class TaskRunStatusHandler {

    @Inject
    ProcessedEvents processed;

    @Inject
    RunRepository runs;

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    Fencing fencing;

    @Inject
    TaskRunLifecycle lifecycle;

    @Inject
    RunAdvancer advancer;

    @Inject
    ApiConfig config;

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
        if (!fencing.admits(tr, event)) {
            return;
        }
        long now = System.currentTimeMillis();
        if (event instanceof TaskRunStarted started) {
            lifecycle.running(tr, started.workerId(), started.containerId(), occurredAt, now,
                    now + config.leaseTtl().toMillis());
        } else if (event instanceof TaskRunExited exited) {
            tr.exited(exited.workerId(), exited.exitCode(), exited.logLines(), occurredAt);
            lifecycle.apply(tr, AttemptOutcomes.afterExit(tr.task, tr.attempt, tr.exitRetries, tr.cancelRequested,
                    Boolean.TRUE.equals(exited.timedOut()), exited.exitCode()), occurredAt, now);
        } else if (event instanceof TaskRunFailed failed) {
            lifecycle.complete(tr, TaskRunStatus.FAILED, reasonOf(failed.reason()), failed.message(), occurredAt);
        }
        advancer.advance(run, all);
    }

    private static StatusReason reasonOf(FailureReason reason) {
        return switch (reason) {
            case FAILED_PRECONDITION -> StatusReason.FAILED_PRECONDITION;
            case SCHEDULER_ERROR -> StatusReason.SCHEDULER_ERROR;
        };
    }
}
