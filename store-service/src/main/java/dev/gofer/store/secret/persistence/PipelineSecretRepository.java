package dev.gofer.store.secret.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;

/** Pipeline secrets by namespace, pipeline and key. */
@ApplicationScoped
public class PipelineSecretRepository implements PanacheRepository<PipelineSecret> {

    public List<PipelineSecret> listByPipeline(String namespaceId, String pipelineId) {
        return list("namespaceId = :ns and pipelineId = :p", Sort.by("secretKey"),
                Parameters.with("ns", namespaceId).and("p", pipelineId));
    }

    public Optional<PipelineSecret> findByKey(String namespaceId, String pipelineId, String key) {
        return find("namespaceId = :ns and pipelineId = :p and secretKey = :k",
                Parameters.with("ns", namespaceId).and("p", pipelineId).and("k", key)).firstResultOptional();
    }

    public boolean deleteByKey(String namespaceId, String pipelineId, String key) {
        return delete("namespaceId = :ns and pipelineId = :p and secretKey = :k",
                Parameters.with("ns", namespaceId).and("p", pipelineId).and("k", key)) > 0;
    }
}
