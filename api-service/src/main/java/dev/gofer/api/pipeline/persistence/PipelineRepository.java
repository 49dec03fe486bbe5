package dev.gofer.api.pipeline.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PipelineRepository implements PanacheRepository<Pipeline> {

    public Optional<Pipeline> findByIds(String namespaceId, String pipelineId) {
        return find("namespaceId = ?1 and pipelineId = ?2", namespaceId, pipelineId).firstResultOptional();
    }

    /** The pipeline row locked until the end of the transaction: serialises version and run-id allocation. */
    public Optional<Pipeline> findForUpdate(String namespaceId, String pipelineId) {
        return find("namespaceId = ?1 and pipelineId = ?2", namespaceId, pipelineId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
    }

    /**
     * Inserts an {@code active} pipeline unless it exists; safe when two registrations of a new pipeline race (one
     * inserts, the other finds it). True if this call inserted it.
     */
    public boolean insertIfAbsent(String namespaceId, String pipelineId, long now) {
        return getEntityManager().createNativeQuery("INSERT INTO pipelines (namespace_id, pipeline_id, state, created,"
                + " modified) VALUES (?1, ?2, 'active', ?3, ?3) ON CONFLICT (namespace_id, pipeline_id) DO NOTHING")
                .setParameter(1, namespaceId).setParameter(2, pipelineId).setParameter(3, now).executeUpdate() == 1;
    }

    /** The namespace's pipelines, by id. */
    public List<Pipeline> listByNamespace(String namespaceId) {
        return list("namespaceId = ?1 order by pipelineId", namespaceId);
    }

    /** Runs of the pipeline that are pending or running. */
    public long countUnfinishedRuns(String namespaceId, String pipelineId) {
        return ((Number) getEntityManager().createNativeQuery("SELECT count(*) FROM runs WHERE namespace_id = ?1"
                + " AND pipeline_id = ?2 AND state <> 'COMPLETE'").setParameter(1, namespaceId)
                .setParameter(2, pipelineId).getSingleResult()).longValue();
    }

    /**
     * Deletes the pipeline. The database cascades to its configs, deployments, runs and task runs; stored log lines
     * have no foreign key and are deleted here.
     */
    public void deleteCascading(String namespaceId, String pipelineId) {
        getEntityManager().createNativeQuery("DELETE FROM task_run_logs WHERE namespace_id = ?1 AND pipeline_id = ?2")
                .setParameter(1, namespaceId).setParameter(2, pipelineId).executeUpdate();
        getEntityManager().createNativeQuery("DELETE FROM pipelines WHERE namespace_id = ?1 AND pipeline_id = ?2")
                .setParameter(1, namespaceId).setParameter(2, pipelineId).executeUpdate();
    }
}
