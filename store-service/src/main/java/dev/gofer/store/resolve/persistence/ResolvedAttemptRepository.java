package dev.gofer.store.resolve.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import dev.gofer.events.TaskRunRef;

/**
 * The task-run attempts whose resolution store-service has published, one row per (task run, attempt). Recording is
 * an upsert on that key, so recording twice changes nothing. Native SQL: the upsert needs {@code ON CONFLICT}.
 */
@ApplicationScoped
public class ResolvedAttemptRepository {

    @Inject
    EntityManager em;

    /** Whether the outcome of this attempt was published already. */
    @Transactional
    public boolean isPublished(TaskRunRef ref, int attempt) {
        return !em.createNativeQuery("SELECT 1 FROM store.resolved_attempts WHERE namespace_id = ?1 "
                + "AND pipeline_id = ?2 AND run_id = ?3 AND task_id = ?4 AND attempt = ?5")
                .setParameter(1, ref.namespaceId()).setParameter(2, ref.pipelineId()).setParameter(3, ref.runId())
                .setParameter(4, ref.taskId()).setParameter(5, attempt).setMaxResults(1).getResultList().isEmpty();
    }

    /** Records that the outcome ({@code task-run.ready} or {@code task-run.failed}) of the attempt was published. */
    @Transactional
    public void recordPublished(TaskRunRef ref, int attempt, String outcome, long publishedAtMillis) {
        em.createNativeQuery("INSERT INTO store.resolved_attempts "
                + "(namespace_id, pipeline_id, run_id, task_id, attempt, outcome, published) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7) "
                + "ON CONFLICT (namespace_id, pipeline_id, run_id, task_id, attempt) DO NOTHING")
                .setParameter(1, ref.namespaceId()).setParameter(2, ref.pipelineId()).setParameter(3, ref.runId())
                .setParameter(4, ref.taskId()).setParameter(5, attempt).setParameter(6, outcome)
                .setParameter(7, publishedAtMillis).executeUpdate();
    }

    /** Forgets attempts published before the cutoff; answers how many rows went. */
    @Transactional
    public int deletePublishedBefore(long cutoffMillis) {
        return em.createNativeQuery("DELETE FROM store.resolved_attempts WHERE published < ?1")
                .setParameter(1, cutoffMillis).executeUpdate();
    }
}
