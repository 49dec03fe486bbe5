package dev.gofer.api.run.service;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.support.work.CoalescingWorker;

/**
 * Watches the deadlines of unfinished task runs: retries whose backoff has passed, queue timeouts, and leases that
 * lapsed because their worker stopped sending heartbeats. A sweep every {@code gofer.api.lease-sweep} (2 s) finds the
 * runs with a deadline that passed and hands each to {@link TaskRunDeadlines#supervise(long)}, which locks the run with
 * {@code FOR UPDATE SKIP LOCKED} and checks again under the lock, so several api instances can sweep at once and each
 * deadline is acted on once. A retry also wakes the sweep at its due time (a timer of this instance, lost on restart;
 * the periodic sweep covers that), so backoffs are kept to the millisecond rather than to the sweep's period.
 */
@ApplicationScoped
public class TaskRunSupervisor {

    private static final Logger LOG = Logger.getLogger(TaskRunSupervisor.class);
    private static final int BATCH = 200;

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    TaskRunDeadlines deadlines;

    private final CoalescingWorker worker = new CoalescingWorker("task-run-supervisor", this::superviseAll);
    private final ScheduledExecutorService timer = Executors
            .newSingleThreadScheduledExecutor(CoalescingWorker.daemonThreads("task-run-retry-timer"));

    @Scheduled(every = "${gofer.api.lease-sweep:2s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        worker.wake();
    }

    /** Sweeps at {@code at} (epoch milliseconds), e.g. when a retry's backoff ends. */
    public void wakeAt(long at) {
        try {
            timer.schedule(worker::wake, Math.max(0, at - System.currentTimeMillis()), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            LOG.debug("stopping: the periodic sweep of the next instance picks the retry up");
        }
    }

    private void superviseAll() {
        try {
            long now = System.currentTimeMillis();
            List<Long> due = QuarkusTransaction.requiringNew().call(() -> taskRuns.runsWithDueDeadlines(now, BATCH));
            for (Long runPk : due) {
                if (worker.isStopped()) {
                    return;
                }
                try {
                    deadlines.supervise(runPk);
                } catch (RuntimeException e) {
                    LOG.warnf("supervising the task runs of run #%d will be retried: %s", runPk, e.getMessage());
                }
            }
            if (due.size() == BATCH) {
                worker.wake();
            }
        } catch (RuntimeException e) {
            LOG.warnf("supervising task runs will be retried: %s", e.getMessage());
        }
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        stop();
    }

    @PreDestroy
    void stop() {
        worker.stop();
        timer.shutdownNow();
    }
}
