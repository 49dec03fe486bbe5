package dev.gofer.api.run.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class RunRepository implements PanacheRepository<Run> {

    public Optional<Run> findByIds(String namespaceId, String pipelineId, long runId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and runId = ?3", namespaceId, pipelineId, runId)
                .firstResultOptional();
    }

    /** The run locked until the end of the transaction: one status change of a run at a time, on any instance. */
    public Optional<Run> findForUpdate(String namespaceId, String pipelineId, long runId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and runId = ?3", namespaceId, pipelineId, runId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * The run locked until the end of the transaction, or empty when another transaction holds it (on this or another
     * instance): a sweep then moves on and comes back later rather than queueing behind status handling.
     */
    @SuppressWarnings("unchecked")
    public Optional<Run> lockIfFree(long id) {
        List<Run> found = getEntityManager()
                .createNativeQuery("SELECT * FROM runs WHERE id = ?1 FOR UPDATE SKIP LOCKED", Run.class)
                .setParameter(1, id).getResultList();
        return found.stream().findFirst();
    }

    public Optional<Run> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    /** Runs of the pipeline, newest first. */
    public List<Run> page(String namespaceId, String pipelineId, int offset, int limit) {
        return find("namespaceId = ?1 and pipelineId = ?2 order by runId desc", namespaceId, pipelineId)
                .range(offset, offset + limit - 1).list();
    }

    public long countRunning(String namespaceId, String pipelineId) {
        return count("namespaceId = ?1 and pipelineId = ?2 and state = ?3", namespaceId, pipelineId,
                RunState.RUNNING);
    }

    public long countRunning() {
        return count("state", RunState.RUNNING);
    }

    public long countPending(String namespaceId, String pipelineId) {
        return count("namespaceId = ?1 and pipelineId = ?2 and state = ?3", namespaceId, pipelineId,
                RunState.PENDING);
    }

    /** The oldest pending run of the pipeline. */
    public Optional<Run> oldestPending(String namespaceId, String pipelineId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and state = ?3 order by runId", namespaceId, pipelineId,
                RunState.PENDING).firstResultOptional();
    }

    /** Pipelines that have pending runs, the one with the oldest pending run first. */
    @SuppressWarnings("unchecked")
    public List<Object[]> pipelinesWithPendingRuns() {
        return getEntityManager().createQuery("select r.namespaceId, r.pipelineId, min(r.id) from Run r"
                + " where r.state = ?1 group by r.namespaceId, r.pipelineId order by min(r.id)")
                .setParameter(1, RunState.PENDING).getResultList();
    }

    public long nextRunId(String namespaceId, String pipelineId) {
        Long max = getEntityManager()
                .createQuery("select max(r.runId) from Run r where r.namespaceId = ?1 and r.pipelineId = ?2",
                        Long.class)
                .setParameter(1, namespaceId).setParameter(2, pipelineId).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /**
     * Up to {@code limit} complete runs whose logs have not expired yet although at least {@code keep} newer runs of
     * their pipeline exist, oldest first, locked (skipping rows another instance holds).
     */
    @SuppressWarnings("unchecked")
    public List<Run> logsToExpire(int keep, int limit) {
        return getEntityManager().createNativeQuery("SELECT r.* FROM runs r WHERE r.state = 'COMPLETE'"
                + " AND NOT r.logs_expired AND r.run_id <= (SELECT max(m.run_id) FROM runs m"
                + " WHERE m.namespace_id = r.namespace_id AND m.pipeline_id = r.pipeline_id) - ?1"
                + " ORDER BY r.id LIMIT ?2 FOR UPDATE OF r SKIP LOCKED", Run.class).setParameter(1, keep)
                .setParameter(2, limit).getResultList();
    }
}
