package dev.gofer.api.pipeline.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class PipelineConfigRepository implements PanacheRepository<PipelineConfig> {

    public Optional<PipelineConfig> findVersion(String namespaceId, String pipelineId, int version) {
        return find("namespaceId = ?1 and pipelineId = ?2 and version = ?3", namespaceId, pipelineId, version)
                .firstResultOptional();
    }

    public Optional<PipelineConfig> findLatest(String namespaceId, String pipelineId) {
        return find("namespaceId = ?1 and pipelineId = ?2 order by version desc", namespaceId, pipelineId)
                .firstResultOptional();
    }

    public Optional<PipelineConfig> findLive(String namespaceId, String pipelineId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and state = 'live'", namespaceId, pipelineId)
                .firstResultOptional();
    }

    public List<PipelineConfig> listLive(String namespaceId, String pipelineId) {
        return list("namespaceId = ?1 and pipelineId = ?2 and state = 'live'", namespaceId, pipelineId);
    }

    /** The pipeline's config versions, newest first. */
    public List<PipelineConfig> listNewestFirst(String namespaceId, String pipelineId) {
        return list("namespaceId = ?1 and pipelineId = ?2 order by version desc", namespaceId, pipelineId);
    }
}
