package dev.gofer.api.run.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import dev.gofer.api.pipeline.persistence.PipelineConfigRepository;
import dev.gofer.api.pipeline.persistence.PipelineRepository;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.support.work.CoalescingWorker;

/**
 * Starts pending runs, oldest first per pipeline, as slots free up. Woken right after a run completes and by a 1 s
 * sweep (which also covers the global limit across pipelines and anything a crash interrupted). Each start is a
 * transaction of its own under the pipeline's row lock and the global lock, so two api instances never overfill a
 * limit.
 */
@ApplicationScoped
public class RunPromoter {

    private static final Logger LOG = Logger.getLogger(RunPromoter.class);

    @Inject
    RunRepository runs;

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    PipelineRepository pipelines;

    @Inject
    PipelineConfigRepository configs;

    @Inject
    RunSlots slots;

    @Inject
    RunAdvancer advancer;

    private final CoalescingWorker worker = new CoalescingWorker("run-promoter", this::promoteAll);

    public void wake() {
        worker.wake();
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    void onShutdown(@Observes ShutdownEvent shutdown) {
        worker.stop();
    }

    private void promoteAll() {
        try {
            List<Object[]> waiting = QuarkusTransaction.requiringNew().call(runs::pipelinesWithPendingRuns);
            for (Object[] pipeline : waiting) {
                while (!worker.isStopped() && promoteOne((String) pipeline[0], (String) pipeline[1])) {
                    // start as many as the limits allow
                }
            }
        } catch (RuntimeException e) {
            LOG.warnf("promoting pending runs will be retried: %s", e.getMessage());
        }
    }

    /** Starts the pipeline's oldest pending run if a slot is free; true when it started one. */
    boolean promoteOne(String namespaceId, String pipelineId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            if (pipelines.findForUpdate(namespaceId, pipelineId).isEmpty()) {
                return false;
            }
            slots.lockGlobal();
            Run next = runs.oldestPending(namespaceId, pipelineId).orElse(null);
            if (next == null) {
                return false;
            }
            long parallelism = configs.findVersion(namespaceId, pipelineId, next.configVersion)
                    .map(c -> c.parallelism).orElse(0L);
            if (!slots.free(namespaceId, pipelineId, parallelism)) {
                return false;
            }
            advancer.start(next, taskRuns.listByRun(next.id));
            return true;
        });
    }
}
