package dev.gofer.store.run.persistence;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

/**
 * The runs store-service has heard of, one row per run of a pipeline. Writes are upserts on the natural key, so a
 * redelivered event changes nothing. Native SQL throughout: every statement is an upsert or a window query that JPQL
 * cannot express.
 */
@ApplicationScoped
public class KnownRunRepository {

    @Inject
    EntityManager em;

    /** Records a queued run; a run already known (queued or complete) is left as it is. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordQueued(String namespaceId, String pipelineId, long runId) {
        em.createNativeQuery("INSERT INTO store.known_runs (namespace_id, pipeline_id, run_id, completed) "
                + "VALUES (?1, ?2, ?3, FALSE) ON CONFLICT (namespace_id, pipeline_id, run_id) DO NOTHING")
                .setParameter(1, namespaceId).setParameter(2, pipelineId).setParameter(3, runId).executeUpdate();
    }

    /** Records a complete run, whether or not its queued event was seen. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordCompleted(String namespaceId, String pipelineId, long runId) {
        em.createNativeQuery("INSERT INTO store.known_runs (namespace_id, pipeline_id, run_id, completed) "
                + "VALUES (?1, ?2, ?3, TRUE) ON CONFLICT (namespace_id, pipeline_id, run_id) "
                + "DO UPDATE SET completed = TRUE").setParameter(1, namespaceId).setParameter(2, pipelineId)
                .setParameter(3, runId).executeUpdate();
    }

    /**
     * Complete runs not expired yet that have at least {@code newerRuns} known runs with a higher id, oldest first.
     * The window counts, per row, the rows before it in descending id order: the runs newer than it.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<Long> dueForExpiry(String namespaceId, String pipelineId, int newerRuns) {
        @SuppressWarnings("unchecked")
        List<Number> ids = em.createNativeQuery("SELECT run_id FROM (SELECT run_id, completed, objects_expired, "
                + "count(*) OVER (ORDER BY run_id DESC ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS newer "
                + "FROM store.known_runs WHERE namespace_id = ?1 AND pipeline_id = ?2) r "
                + "WHERE completed AND NOT objects_expired AND newer >= ?3 ORDER BY run_id")
                .setParameter(1, namespaceId).setParameter(2, pipelineId).setParameter(3, newerRuns).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void markExpired(String namespaceId, String pipelineId, long runId) {
        em.createNativeQuery("UPDATE store.known_runs SET objects_expired = TRUE "
                + "WHERE namespace_id = ?1 AND pipeline_id = ?2 AND run_id = ?3").setParameter(1, namespaceId)
                .setParameter(2, pipelineId).setParameter(3, runId).executeUpdate();
    }

    /**
     * Forgets expired runs older than every run not expired yet: counts of newer runs only ever look upwards, so no
     * decision still to be made depends on them. Keeps the table at about {@code run-object-expiry} rows per pipeline.
     * Returns how many rows went.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int prune(String namespaceId, String pipelineId) {
        return em.createNativeQuery("DELETE FROM store.known_runs k WHERE k.namespace_id = ?1 AND k.pipeline_id = ?2 "
                + "AND k.objects_expired AND k.run_id < COALESCE((SELECT min(o.run_id) FROM store.known_runs o "
                + "WHERE o.namespace_id = ?1 AND o.pipeline_id = ?2 AND NOT o.objects_expired), "
                + "9223372036854775807)").setParameter(1, namespaceId).setParameter(2, pipelineId).executeUpdate();
    }
}
