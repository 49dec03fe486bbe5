package dev.gofer.support.transaction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * Idempotent-consumer bookkeeping: remembers the ids of consumed events, so that a record delivered again is applied
 * once. A service that uses it owns a table {@code processed_events (event_id text primary key, processed bigint)} in
 * its schema.
 */
@ApplicationScoped
public class ProcessedEvents {

    @Inject
    EntityManager em;

    /**
     * Records the id in the caller's transaction. Returns false when it was already there: the caller must then
     * change nothing. Rolled back with the caller, so a failed handling is retried.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean firstTime(String eventId) {
        int inserted = em.createNativeQuery("INSERT INTO {h-schema}processed_events (event_id, processed)"
                + " VALUES (?1, ?2) ON CONFLICT DO NOTHING").setParameter(1, eventId)
                .setParameter(2, System.currentTimeMillis()).executeUpdate();
        return inserted == 1;
    }
}
