package dev.gofer.api.common.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/** Remembers consumed event ids so that a redelivered record is applied once. */
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
        int inserted = em.createNativeQuery(
                "INSERT INTO processed_events (event_id, processed) VALUES (?1, ?2) ON CONFLICT DO NOTHING")
                .setParameter(1, eventId).setParameter(2, System.currentTimeMillis()).executeUpdate();
        return inserted == 1;
    }
}
