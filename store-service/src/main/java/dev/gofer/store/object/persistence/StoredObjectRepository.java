package dev.gofer.store.object.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Objects by namespace, pipeline, run (0 for pipeline objects) and key. */
@ApplicationScoped
public class StoredObjectRepository implements PanacheRepository<StoredObject> {

    private static final String BY_SCOPE = "namespaceId = :ns and pipelineId = :p and runId = :run";
    private static final String BY_KEY = BY_SCOPE + " and objectKey = :k";

    /** Metadata only: the bytes stay in the database. */
    public List<ObjectMetadata> listMetadata(String namespaceId, String pipelineId, long runId) {
        return find(BY_SCOPE, Sort.by("objectKey"), scope(namespaceId, pipelineId, runId))
                .project(ObjectMetadata.class).list();
    }

    public Optional<StoredObject> findByKey(String namespaceId, String pipelineId, long runId, String key) {
        return find(BY_KEY, scope(namespaceId, pipelineId, runId).and("k", key)).firstResultOptional();
    }

    public boolean deleteByKey(String namespaceId, String pipelineId, long runId, String key) {
        return delete(BY_KEY, scope(namespaceId, pipelineId, runId).and("k", key)) > 0;
    }

    private static Parameters scope(String namespaceId, String pipelineId, long runId) {
        return Parameters.with("ns", namespaceId).and("p", pipelineId).and("run", runId);
    }
}
