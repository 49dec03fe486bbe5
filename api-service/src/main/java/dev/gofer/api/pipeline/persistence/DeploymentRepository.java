package dev.gofer.api.pipeline.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class DeploymentRepository implements PanacheRepository<Deployment> {

    public Optional<Deployment> findByIds(String namespaceId, String pipelineId, long deploymentId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and deploymentId = ?3", namespaceId, pipelineId,
                deploymentId).firstResultOptional();
    }

    /** The pipeline's deployments, newest first. */
    public List<Deployment> listNewestFirst(String namespaceId, String pipelineId) {
        return list("namespaceId = ?1 and pipelineId = ?2 order by deploymentId desc", namespaceId, pipelineId);
    }

    /** The running deployment of the pipeline; the schema allows at most one. */
    public Optional<Deployment> findRunning(String namespaceId, String pipelineId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and state = ?3", namespaceId, pipelineId,
                DeploymentState.RUNNING).firstResultOptional();
    }

    /** Call with the pipeline row locked. */
    public long nextDeploymentId(String namespaceId, String pipelineId) {
        Long max = getEntityManager()
                .createQuery("select max(d.deploymentId) from Deployment d where d.namespaceId = ?1"
                        + " and d.pipelineId = ?2", Long.class)
                .setParameter(1, namespaceId).setParameter(2, pipelineId).getSingleResult();
        return max == null ? 1 : max + 1;
    }
}
