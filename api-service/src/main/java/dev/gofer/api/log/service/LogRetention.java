package dev.gofer.api.log.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.support.work.CoalescingWorker;

/**
 * Log retention, as Gofer's {@code task_execution_log_retention}: the task logs of a run expire once it is complete and
 * {@code gofer.api.log-retention-runs} newer runs of its pipeline exist (0 keeps logs until a user deletes them).
 * Expired logs read as removed, with {@code expired} set. Woken when a run is created or completes, and by a sweep;
 * each batch is a transaction of its own that locks its runs and skips those another instance holds.
 */
@ApplicationScoped
public class LogRetention {

    private static final Logger LOG = Logger.getLogger(LogRetention.class);
    private static final int BATCH = 20;

    @Inject
    ApiConfig config;

    @Inject
    RunRepository runs;

    @Inject
    LogService logService;

    private final CoalescingWorker worker = new CoalescingWorker("log-retention", this::expireAll);

    public void wake() {
        if (config.logRetentionRuns() > 0) {
            worker.wake();
        }
    }

    @Scheduled(every = "${gofer.api.log-retention-sweep:60s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        worker.stop();
    }

    private void expireAll() {
        try {
            int expired;
            do {
                expired = QuarkusTransaction.requiringNew().call(this::expireBatch);
            } while (expired == BATCH && !worker.isStopped());
        } catch (RuntimeException e) {
            LOG.warnf("expiring old task logs will be retried: %s", e.getMessage());
        }
    }

    private int expireBatch() {
        int keepRuns = config.logRetentionRuns();
        List<Run> batch = runs.logsToExpire(keepRuns, BATCH);
        for (Run run : batch) {
            logService.expire(run);
            LOG.infof("task logs of run %s/%s/%d expired (%d newer runs are kept)", run.namespaceId, run.pipelineId,
                    run.runId, keepRuns);
        }
        return batch.size();
    }
}
