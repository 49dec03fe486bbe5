package dev.gofer.api.pipeline.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.gofer.api.ApiException;
import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.pipeline.persistence.Deployment;
import dev.gofer.api.pipeline.persistence.DeploymentReason;
import dev.gofer.api.pipeline.persistence.DeploymentRepository;
import dev.gofer.api.pipeline.persistence.DeploymentState;
import dev.gofer.api.pipeline.persistence.DeploymentStatus;
import dev.gofer.api.pipeline.persistence.Pipeline;
import dev.gofer.api.pipeline.persistence.PipelineConfig;
import dev.gofer.api.pipeline.persistence.PipelineConfigRepository;
import dev.gofer.api.pipeline.persistence.PipelineRepository;
import dev.gofer.api.pipeline.service.PipelineViews.DeploymentView;
import dev.gofer.events.DeploymentChanged;

/**
 * Deployments: promoting a config version to {@code live}. A deployment is recorded {@code running} in one
 * transaction (at most one per pipeline: a second is refused with 409), then, in a second, the version becomes
 * {@code live}, the previous live one {@code deprecated}, and the deployment {@code complete}/{@code successful};
 * if that fails it is recorded {@code complete}/{@code failed} with the reason. A deployment left {@code running}
 * longer than {@code gofer.api.deployment-timeout} (its instance stopped half-way) is marked failed
 * ({@code abandoned}) by the next one.
 */
@ApplicationScoped
public class DeploymentService {

    private static final Logger LOG = Logger.getLogger(DeploymentService.class);

    @Inject
    PipelineRepository pipelines;

    @Inject
    PipelineConfigRepository configs;

    @Inject
    DeploymentRepository deployments;

    @Inject
    DomainEvents events;

    @Inject
    ApiConfig config;

    /** Deploys a config version (0 = the latest registered). Deploying the live version again changes nothing. */
    public DeploymentView deploy(String namespaceId, String pipelineId, int version) {
        long deployment = QuarkusTransaction.requiringNew().call(() -> {
            Pipeline pipeline = pipelines.findForUpdate(namespaceId, pipelineId)
                    .orElseThrow(() -> PipelineService.noPipeline(namespaceId, pipelineId));
            PipelineConfig target = (version == 0
                    ? configs.findLatest(namespaceId, pipelineId)
                    : configs.findVersion(namespaceId, pipelineId, version))
                    .orElseThrow(() -> PipelineService.noConfig(namespaceId, pipelineId, version));
            return start(pipeline, target.version, System.currentTimeMillis());
        });
        return complete(deployment);
    }

    @Transactional
    public List<DeploymentView> list(String namespaceId, String pipelineId) {
        pipelines.findByIds(namespaceId, pipelineId)
                .orElseThrow(() -> PipelineService.noPipeline(namespaceId, pipelineId));
        return deployments.listNewestFirst(namespaceId, pipelineId).stream().map(DeploymentView::from).toList();
    }

    @Transactional
    public Optional<DeploymentView> get(String namespaceId, String pipelineId, long deploymentId) {
        return deployments.findByIds(namespaceId, pipelineId, deploymentId).map(DeploymentView::from);
    }

    /** Whether a running deployment is promoting this version. */
    boolean isBeingDeployed(String namespaceId, String pipelineId, int version) {
        return deployments.findRunning(namespaceId, pipelineId).filter(d -> d.endVersion == version).isPresent();
    }

    /**
     * Records a running deployment of {@code version}; returns its row id. Call inside a transaction that holds the
     * pipeline's row lock.
     */
    long start(Pipeline pipeline, int version, long now) {
        Optional<Deployment> running = deployments.findRunning(pipeline.namespaceId, pipeline.pipelineId);
        if (running.isPresent()) {
            Deployment other = running.get();
            if (now - other.started < config.deploymentTimeout().toMillis()) {
                throw ApiException.conflict("deployment " + other.deploymentId + " of pipeline '"
                        + pipeline.namespaceId + "/" + pipeline.pipelineId + "' is still running");
            }
            other.state = DeploymentState.COMPLETE;
            other.status = DeploymentStatus.FAILED;
            other.statusReason = DeploymentReason.ABANDONED;
            other.statusDescription = "still running after " + config.deploymentTimeout().toSeconds()
                    + " s; a later deployment took over";
            other.ended = now;
            events.record(changed(DeploymentChanged.COMPLETED, other));
            // Before the insert below: at most one running deployment per pipeline (unique index).
            deployments.flush();
            LOG.warnf("deployment %d of %s/%s abandoned", other.deploymentId, pipeline.namespaceId,
                    pipeline.pipelineId);
        }
        Deployment deployment = new Deployment();
        deployment.namespaceId = pipeline.namespaceId;
        deployment.pipelineId = pipeline.pipelineId;
        deployment.deploymentId = deployments.nextDeploymentId(pipeline.namespaceId, pipeline.pipelineId);
        deployment.startVersion = configs.findLive(pipeline.namespaceId, pipeline.pipelineId).map(c -> c.version)
                .orElse(version);
        deployment.endVersion = version;
        deployment.started = now;
        deployment.state = DeploymentState.RUNNING;
        deployment.status = DeploymentStatus.UNKNOWN;
        deployments.persist(deployment);
        deployments.flush();
        events.record(changed(DeploymentChanged.STARTED, deployment));
        return deployment.id;
    }

    /** Promotes the version of a running deployment and completes it, successful or failed. */
    DeploymentView complete(long deploymentPk) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> promote(deploymentPk));
        } catch (ApiException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.errorf(e, "deployment (row %d) failed", deploymentPk);
            return QuarkusTransaction.requiringNew().call(() -> {
                Deployment deployment = deployments.findById(deploymentPk);
                if (deployment == null) {
                    throw ApiException.notFound("the pipeline was deleted while it was being deployed");
                }
                if (deployment.state != DeploymentState.RUNNING) {
                    return DeploymentView.from(deployment);
                }
                return finish(deployment, DeploymentStatus.FAILED, DeploymentReason.INTERNAL_ERROR,
                        "the change could not be stored; no version was promoted");
            });
        }
    }

    private DeploymentView promote(long deploymentPk) {
        Deployment deployment = deployments.findById(deploymentPk);
        if (deployment == null) {
            throw ApiException.notFound("the pipeline was deleted while it was being deployed");
        }
        // Serialises with registrations, other deployments and run creation, which all lock the pipeline row.
        pipelines.findForUpdate(deployment.namespaceId, deployment.pipelineId).orElseThrow(
                () -> ApiException.notFound("the pipeline was deleted while it was being deployed"));
        deployments.getEntityManager().refresh(deployment);
        if (deployment.state != DeploymentState.RUNNING) {
            return DeploymentView.from(deployment); // abandoned meanwhile; a later deployment took over
        }
        Optional<PipelineConfig> target = configs.findVersion(deployment.namespaceId, deployment.pipelineId,
                deployment.endVersion);
        if (target.isEmpty()) {
            return finish(deployment, DeploymentStatus.FAILED, DeploymentReason.FAILED_PRECONDITION,
                    "config version " + deployment.endVersion + " no longer exists");
        }
        long now = System.currentTimeMillis();
        PipelineConfig promoted = target.get();
        for (PipelineConfig live : configs.listLive(deployment.namespaceId, deployment.pipelineId)) {
            if (live.version != promoted.version) {
                live.state = "deprecated";
                live.deprecated = now;
            }
        }
        promoted.state = "live";
        promoted.deprecated = 0;
        LOG.infof("deployment %d of %s/%s: version %d is live (was %d)", deployment.deploymentId,
                deployment.namespaceId, deployment.pipelineId, deployment.endVersion, deployment.startVersion);
        return finish(deployment, DeploymentStatus.SUCCESSFUL, null, null);
    }

    private DeploymentView finish(Deployment deployment, DeploymentStatus status, DeploymentReason reason,
            String description) {
        deployment.state = DeploymentState.COMPLETE;
        deployment.status = status;
        deployment.statusReason = reason;
        deployment.statusDescription = description;
        deployment.ended = System.currentTimeMillis();
        events.record(changed(DeploymentChanged.COMPLETED, deployment));
        return DeploymentView.from(deployment);
    }

    private static DeploymentChanged changed(String kind, Deployment d) {
        return new DeploymentChanged(kind, d.namespaceId, d.pipelineId, d.deploymentId, d.startVersion,
                d.endVersion, d.status.wire());
    }
}
