package dev.gofer.api.pipeline.persistence;

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
}
