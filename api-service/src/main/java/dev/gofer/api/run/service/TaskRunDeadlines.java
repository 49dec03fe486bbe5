package dev.gofer.api.run.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.lease.service.LeaseService;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.RunState;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.api.run.persistence.TaskRunState;
import dev.gofer.api.run.persistence.TaskRunStatus;

/**
 * Acts on the deadlines of a run's task runs that have passed ({@link TaskRunSupervisor} finds them): dispatches
 * retries that are due, fails task runs whose container did not start within their queue timeout, and treats a
 * running task run whose lease lapsed as lost with its worker. Each container that must not run any more is told to
 * stop (should its worker come back).
 */
@ApplicationScoped
public class TaskRunDeadlines {

    private static final Logger LOG = Logger.getLogger(TaskRunDeadlines.class);

    @Inject
    RunRepository runs;

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    LeaseService leases;

    @Inject
    TaskRunLifecycle lifecycle;

    @Inject
    TaskRunCommands commands;

    @Inject
    RunAdvancer advancer;

    @Inject
    ApiConfig config;

    /**
     * Acts on the passed deadlines of the run's task runs. Skips the run when another transaction (status handling,
     * another instance's sweep) holds it; the next sweep comes back to it.
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
                        tr.retryDue();
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
            advancer.advance(run, all);
        }
    }

    private void queueTimedOut(TaskRun tr, long now) {
        LOG.warnf("task run %s attempt %d did not start within its queue timeout; failing it", tr.ref().key(),
                tr.attempt);
        lifecycle.complete(tr, TaskRunStatus.FAILED, StatusReason.QUEUE_TIMEOUT, "the container did not start within "
                + tr.task.queueTimeoutSeconds() + " s of the task run being dispatched", now);
        commands.cancel(tr, tr.attempt, config.cancelGrace(), StatusReason.QUEUE_TIMEOUT.wire());
    }

    /** The worker of a running attempt stopped renewing its lease: {@link AttemptOutcomes#afterWorkerLost}. */
    private void workerLost(TaskRun tr, long now) {
        String description = "worker " + tr.workerId + " stopped sending heartbeats at "
                + Instant.ofEpochMilli(tr.leaseRenewed);
        LOG.warnf("task run %s attempt %d: %s", tr.ref().key(), tr.attempt, description);
        commands.cancel(tr, tr.attempt, config.cancelGrace(), StatusReason.WORKER_LOST.wire());
        lifecycle.apply(tr,
                AttemptOutcomes.afterWorkerLost(tr.task, tr.workerLostRetries, tr.cancelRequested, description), now,
                now);
    }
}
