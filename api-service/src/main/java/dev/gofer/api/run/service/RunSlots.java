package dev.gofer.api.run.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.run.persistence.RunRepository;

/**
 * Decides whether a run may start now: fewer running runs of its pipeline than the pipeline's {@code parallelism}
 * (0 = no per-pipeline limit) and fewer running runs overall than {@code gofer.api.global-run-limit}. Callers hold
 * the pipeline's row lock; {@link #lockGlobal()} serialises the global count across pipelines and api instances.
 * Lock order everywhere: pipeline row, then the global lock.
 */
@ApplicationScoped
public class RunSlots {

    /** Arbitrary, fixed key of the transaction-scoped advisory lock guarding the global count. */
    private static final long GLOBAL_LOCK_KEY = 0x60FE5_0001L;

    @Inject
    EntityManager em;

    @Inject
    RunRepository runs;

    @Inject
    ApiConfig config;

    @Transactional(Transactional.TxType.MANDATORY)
    public void lockGlobal() {
        em.createNativeQuery("SELECT pg_advisory_xact_lock(?1)").setParameter(1, GLOBAL_LOCK_KEY).getSingleResult();
    }

    /** True when one more run of the pipeline may run now. Call with the pipeline locked and {@link #lockGlobal()}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean free(String namespaceId, String pipelineId, long parallelism) {
        if (parallelism > 0 && runs.countRunning(namespaceId, pipelineId) >= parallelism) {
            return false;
        }
        int globalLimit = config.globalRunLimit();
        return globalLimit <= 0 || runs.countRunning() < globalLimit;
    }
}
