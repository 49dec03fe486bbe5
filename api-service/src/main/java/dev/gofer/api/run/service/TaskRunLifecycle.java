package dev.gofer.api.run.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunAttempt;
import dev.gofer.api.run.persistence.TaskRunAttemptRepository;
import dev.gofer.api.run.persistence.TaskRunStatus;
import dev.gofer.events.TaskRunChanged;
import dev.gofer.support.transaction.AfterCommit;

/**
 * Applies a task run's transitions together with the public events they imply ({@code task-run.running},
 * {@code .retrying}, {@code .completed}), in the caller's transaction.
 */
@ApplicationScoped
public class TaskRunLifecycle {

    private static final Logger LOG = Logger.getLogger(TaskRunLifecycle.class);

    @Inject
    DomainEvents events;

    @Inject
    TaskRunAttemptRepository attempts;

    @Inject
    AfterCommit afterCommit;

    @Inject
    TaskRunSupervisor supervisor;

    /** Its container reports running: a task run that starts only now says so; an adopted one renews its lease. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void running(TaskRun tr, String workerId, String containerId, long startedAt, long now,
            long leaseExpires) {
        if (tr.running(workerId, containerId, startedAt, now, leaseExpires)) {
            events.record(new TaskRunChanged(TaskRunChanged.RUNNING, tr.ref(), tr.attempt, tr.status.wire(), null,
                    null));
        } else {
            // A restarted worker found its container again and reports it: the lease is renewed, nothing else.
            LOG.infof("worker %s reports %s attempt %d running again (container %s)", workerId, tr.ref().key(),
                    tr.attempt, containerId);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void complete(TaskRun tr, TaskRunStatus status, StatusReason reason, String description, long at) {
        tr.complete(status, reason, description, at);
        events.record(new TaskRunChanged(TaskRunChanged.COMPLETED, tr.ref(), tr.attempt, status.wire(), tr.exitCode,
                reason == null ? null : reason.wire()));
    }

    /**
     * Ends the current attempt (kept in the task run's attempt history with {@code reason}) and makes the task run
     * wait for the next one, dispatched at {@code dispatchAt} (at once when that is not in the future).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void retry(TaskRun tr, StatusReason reason, String description, long dispatchAt, long endedAt, long now) {
        Integer exitCode = tr.exitCode;
        TaskRunAttempt ended = tr.nextAttempt(reason, description, endedAt, dispatchAt > now ? dispatchAt : 0);
        attempts.persist(ended);
        LOG.infof("task run %s attempt %d ended (%s: %s); attempt %d %s", tr.ref().key(), ended.attempt,
                reason.wire(), description, tr.attempt,
                tr.retryAt == 0 ? "is dispatched now" : "is dispatched at " + Instant.ofEpochMilli(tr.retryAt));
        events.record(new TaskRunChanged(TaskRunChanged.RETRYING, tr.ref(), tr.attempt, tr.status.wire(), exitCode,
                reason.wire()));
        if (tr.retryAt > 0) {
            long at = tr.retryAt;
            afterCommit.run(() -> supervisor.wakeAt(at));
        }
    }

    /** Applies what follows an attempt: the task run completes at {@code at}, or is retried. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(TaskRun tr, AttemptOutcomes.Outcome outcome, long at, long now) {
        if (outcome instanceof AttemptOutcomes.Complete c) {
            complete(tr, c.status(), c.reason(), c.description(), at);
        } else if (outcome instanceof AttemptOutcomes.Retry r) {
            retry(tr, r.reason(), r.description(), now + r.backoffMillis(), at, now);
        }
    }
}
