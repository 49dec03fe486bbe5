package dev.gofer.store.run.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.store.common.config.StoreConfig;
import dev.gofer.store.common.persistence.AdvisoryLocks;
import dev.gofer.store.object.service.ObjectService;
import dev.gofer.store.run.persistence.KnownRunRepository;

/**
 * Run-object expiry. The objects of run R are deleted once R is complete and at least
 * {@code gofer.store.run-object-expiry} runs of its pipeline with an id above R are known. Runs are learnt from
 * {@code run.queued} and {@code run.completed} on {@code gofer.events}; recording is idempotent on the natural key
 * (namespace, pipeline, run), so redelivered and out-of-order events are harmless. One pipeline's runs are handled one
 * transaction at a time (advisory lock), so two instances consuming different partitions never decide on stale counts.
 */
@ApplicationScoped
public class RunTracker {

    @Inject
    KnownRunRepository runs;

    @Inject
    ObjectService objects;

    @Inject
    AdvisoryLocks locks;

    @Inject
    StoreConfig config;

    @Transactional
    public void queued(String namespaceId, String pipelineId, long runId) {
        locks.lock("runs:" + namespaceId + "/" + pipelineId);
        runs.recordQueued(namespaceId, pipelineId, runId);
        expire(namespaceId, pipelineId);
    }

    @Transactional
    public void completed(String namespaceId, String pipelineId, long runId) {
        locks.lock("runs:" + namespaceId + "/" + pipelineId);
        runs.recordCompleted(namespaceId, pipelineId, runId);
        expire(namespaceId, pipelineId);
    }

    /** Deletes the objects of every run now due (each with its {@code run-objects.expired} event), then prunes. */
    private void expire(String namespaceId, String pipelineId) {
        int newerRuns = config.runObjectExpiry();
        if (newerRuns <= 0) {
            return;
        }
        for (long runId : runs.dueForExpiry(namespaceId, pipelineId, newerRuns)) {
            objects.expireRun(namespaceId, pipelineId, runId);
            runs.markExpired(namespaceId, pipelineId, runId);
        }
        runs.prune(namespaceId, pipelineId);
    }
}
