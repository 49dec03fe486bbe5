package dev.gofer.store.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * PostgreSQL transaction-scoped advisory locks, named by text (hashed to a 64-bit key): released at commit or
 * rollback, so a crash never leaves one behind. Names start with {@code gofer-store:} so they do not meet the locks
 * of other services that share the database server.
 */
@ApplicationScoped
public class AdvisoryLocks {

    @Inject
    EntityManager em;

    /** Waits until this transaction holds the lock called {@code name}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock(String name) {
        em.createNativeQuery("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))) AS l")
                .setParameter(1, "gofer-store:" + name).getSingleResult();
    }
}
