package dev.gofer.api.run.persistence;

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

    public Optional<Run> findByRequestId(String requestId) {
        return find("requestId", requestId).firstResultOptional();
    }

    public long nextRunId(String namespaceId, String pipelineId) {
        Long max = getEntityManager()
                .createQuery("select max(r.runId) from Run r where r.namespaceId = ?1 and r.pipelineId = ?2",
                        Long.class)
                .setParameter(1, namespaceId).setParameter(2, pipelineId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
