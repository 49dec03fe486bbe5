package dev.gofer.api.pipeline.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.gofer.api.ApiException;
import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.namespace.service.NamespaceService;
import dev.gofer.api.pipeline.persistence.Pipeline;
import dev.gofer.api.pipeline.persistence.PipelineConfig;
import dev.gofer.api.pipeline.persistence.PipelineConfigRepository;
import dev.gofer.api.pipeline.persistence.PipelineRepository;
import dev.gofer.api.pipeline.persistence.RequiredParentStatus;
import dev.gofer.api.pipeline.persistence.TaskConfig;
import dev.gofer.api.pipeline.service.PipelineDefinition.TaskDefinition;
import dev.gofer.events.PipelineChanged;
import dev.gofer.support.problem.FieldError;

/**
 * Pipelines and their config versions. A registration creates version N+1 in state {@code unreleased}; deploying a
 * version (see {@link DeploymentService}) makes it {@code live} and the previous live one {@code deprecated}.
 * Runs always use the live version. A pipeline is created by its first registration, in an existing namespace.
 */
@ApplicationScoped
public class PipelineService {

    private static final List<String> STATES = List.of("active", "disabled");

    private static final Logger LOG = Logger.getLogger(PipelineService.class);

    @Inject
    PipelineRepository pipelines;

    @Inject
    PipelineConfigRepository configs;

    @Inject
    DeploymentService deployments;

    @Inject
    NamespaceService namespaces;

    @Inject
    DomainEvents events;

    /** The id of a new config version, and the row id of its deployment when it was registered with one. */
    private record Registration(int version, Long deployment) {
    }

    /**
     * Registers the config as the pipeline's next version, {@code unreleased}; with {@code deploy} it is also
     * deployed (a deployment is recorded in the same transaction as the version, so a registration that cannot be
     * deployed because another deployment is running stores nothing and answers 409).
     */
    public PipelineViews.ConfigView register(String namespaceId, String pipelineId, PipelineDefinition request,
            boolean deploy) {
        List<FieldError> errors = new ArrayList<>();
        if (!ConfigValidator.isIdentifier(namespaceId)) {
            errors.add(new FieldError("namespace_id", "must be 3-32 characters of A-Z, a-z, 0-9, '-' and '_'"));
        }
        errors.addAll(ConfigValidator.validate(pipelineId, request));
        if (!errors.isEmpty()) {
            throw ApiException.invalid("Invalid pipeline config", errors);
        }
        Registration registration = QuarkusTransaction.requiringNew()
                .call(() -> registerVersion(namespaceId, pipelineId, request, deploy));
        if (registration.deployment() != null) {
            deployments.complete(registration.deployment());
        }
        return QuarkusTransaction.requiringNew().call(() -> configs
                .findVersion(namespaceId, pipelineId, registration.version()).map(PipelineViews.ConfigView::from)
                .orElseThrow(() -> noConfig(namespaceId, pipelineId, registration.version())));
    }

    private Registration registerVersion(String namespaceId, String pipelineId, PipelineDefinition request,
            boolean deploy) {
        namespaces.requireExisting(namespaceId);
        long now = System.currentTimeMillis();
        if (pipelines.insertIfAbsent(namespaceId, pipelineId, now)) {
            events.record(new PipelineChanged(PipelineChanged.CREATED, namespaceId, pipelineId, null));
        }
        Pipeline pipeline = pipelines.findForUpdate(namespaceId, pipelineId).orElseThrow();
        pipeline.modified = now;
        PipelineConfig config = new PipelineConfig();
        config.namespaceId = namespaceId;
        config.pipelineId = pipelineId;
        config.version = configs.findLatest(namespaceId, pipelineId).map(c -> c.version + 1).orElse(1);
        config.name = request.name();
        config.description = request.description() == null ? "" : request.description();
        config.parallelism = request.parallelism() == null ? 0 : request.parallelism();
        config.state = "unreleased";
        config.registered = now;
        config.tasks = request.tasks().stream().map(PipelineService::toTaskConfig).toList();
        configs.persist(config);
        configs.flush();
        events.record(new PipelineChanged(PipelineChanged.CONFIG_REGISTERED, namespaceId, pipelineId,
                config.version));
        LOG.infof("config %s/%s v%d registered", namespaceId, pipelineId, config.version);
        return new Registration(config.version, deploy ? deployments.start(pipeline, config.version, now) : null);
    }

    /** The namespace's pipelines; 404 if the namespace does not exist. */
    @Transactional
    public List<PipelineViews.PipelineView> pipelines(String namespaceId) {
        if (!namespaces.exists(namespaceId)) {
            throw ApiException.notFound("namespace '" + namespaceId + "' does not exist");
        }
        return pipelines.listByNamespace(namespaceId).stream().map(PipelineViews.PipelineView::from).toList();
    }

    public Optional<PipelineViews.PipelineView> pipeline(String namespaceId, String pipelineId) {
        return pipelines.findByIds(namespaceId, pipelineId).map(PipelineViews.PipelineView::from);
    }

    /** Sets the state: {@code active} or {@code disabled} (a disabled pipeline refuses runs). */
    @Transactional
    public PipelineViews.PipelineView updateState(String namespaceId, String pipelineId, String state) {
        if (state == null || !STATES.contains(state)) {
            throw ApiException.invalid("Invalid pipeline update",
                    List.of(new FieldError("state", "must be one of active, disabled")));
        }
        Pipeline pipeline = pipelines.findForUpdate(namespaceId, pipelineId)
                .orElseThrow(() -> noPipeline(namespaceId, pipelineId));
        if (!state.equals(pipeline.state)) {
            pipeline.state = state;
            pipeline.modified = System.currentTimeMillis();
            events.record(new PipelineChanged("active".equals(state)
                    ? PipelineChanged.ENABLED
                    : PipelineChanged.DISABLED, namespaceId, pipelineId, null));
            LOG.infof("pipeline %s/%s is now %s", namespaceId, pipelineId, state);
        }
        return PipelineViews.PipelineView.from(pipeline);
    }

    /**
     * Deletes the pipeline with its configs, deployments, runs, task runs and logs; 409 while any run is pending or
     * running. The pipeline row is locked first, so no run can start between the check and the delete.
     */
    @Transactional
    public void delete(String namespaceId, String pipelineId) {
        pipelines.findForUpdate(namespaceId, pipelineId).orElseThrow(() -> noPipeline(namespaceId, pipelineId));
        long unfinished = pipelines.countUnfinishedRuns(namespaceId, pipelineId);
        if (unfinished > 0) {
            throw ApiException.conflict("pipeline '" + namespaceId + "/" + pipelineId + "' has " + unfinished
                    + " unfinished run(s); cancel them or wait for them to complete");
        }
        pipelines.deleteCascading(namespaceId, pipelineId);
        events.record(new PipelineChanged(PipelineChanged.DELETED, namespaceId, pipelineId, null));
        LOG.infof("pipeline %s/%s deleted", namespaceId, pipelineId);
    }

    /**
     * Fails unless a run of the pipeline may start now: 404 if it does not exist, 409 if it is disabled or has no
     * live config version.
     */
    @Transactional
    public void requireRunnable(String namespaceId, String pipelineId) {
        Pipeline pipeline = pipelines.findByIds(namespaceId, pipelineId)
                .orElseThrow(() -> noPipeline(namespaceId, pipelineId));
        if (!"active".equals(pipeline.state)) {
            throw new ApiException(409, "Pipeline disabled",
                    "pipeline '" + namespaceId + "/" + pipelineId + "' is disabled");
        }
        if (configs.findLive(namespaceId, pipelineId).isEmpty()) {
            throw ApiException.conflict("pipeline '" + namespaceId + "/" + pipelineId
                    + "' has no live config; deploy a config version first");
        }
    }

    /** The pipeline's config versions, newest first; 404 if the pipeline does not exist. */
    @Transactional
    public List<PipelineViews.ConfigView> configs(String namespaceId, String pipelineId) {
        pipelines.findByIds(namespaceId, pipelineId).orElseThrow(() -> noPipeline(namespaceId, pipelineId));
        return configs.listNewestFirst(namespaceId, pipelineId).stream().map(PipelineViews.ConfigView::from)
                .toList();
    }

    /** A version of the config; 0 means the latest registered. */
    public Optional<PipelineViews.ConfigView> config(String namespaceId, String pipelineId, int version) {
        return (version == 0
                ? configs.findLatest(namespaceId, pipelineId)
                : configs.findVersion(namespaceId, pipelineId, version)).map(PipelineViews.ConfigView::from);
    }

    /**
     * Deletes a config version (0 = the latest, which is refused). The latest and the live version cannot be deleted
     * (400), nor one a running deployment is promoting (409).
     */
    @Transactional
    public void deleteConfig(String namespaceId, String pipelineId, int version) {
        pipelines.findForUpdate(namespaceId, pipelineId).orElseThrow(() -> noPipeline(namespaceId, pipelineId));
        PipelineConfig latest = configs.findLatest(namespaceId, pipelineId)
                .orElseThrow(() -> noConfig(namespaceId, pipelineId, version));
        PipelineConfig target = version == 0
                ? latest
                : configs.findVersion(namespaceId, pipelineId, version)
                        .orElseThrow(() -> noConfig(namespaceId, pipelineId, version));
        if (target.version == latest.version) {
            throw new ApiException(400, "Config version in use", "config version " + target.version
                    + " is the latest of pipeline '" + namespaceId + "/" + pipelineId + "' and cannot be deleted");
        }
        if ("live".equals(target.state)) {
            throw new ApiException(400, "Config version in use", "config version " + target.version
                    + " is live for pipeline '" + namespaceId + "/" + pipelineId
                    + "' and cannot be deleted; deploy another version first");
        }
        if (deployments.isBeingDeployed(namespaceId, pipelineId, target.version)) {
            throw ApiException.conflict("config version " + target.version + " of pipeline '" + namespaceId + "/"
                    + pipelineId + "' is being deployed");
        }
        configs.delete(target);
        events.record(new PipelineChanged(PipelineChanged.CONFIG_DELETED, namespaceId, pipelineId, target.version));
        LOG.infof("config %s/%s v%d deleted", namespaceId, pipelineId, target.version);
    }

    private static TaskConfig toTaskConfig(TaskDefinition t) {
        Map<String, RequiredParentStatus> dependsOn = new LinkedHashMap<>();
        if (t.dependsOn() != null) {
            t.dependsOn().forEach((k, v) -> dependsOn.put(k, RequiredParentStatus.parse(v).orElseThrow()));
        }
        return new TaskConfig(t.id(), t.description() == null ? "" : t.description(), t.image().trim(),
                t.registryAuth() == null
                        ? null
                        : new TaskConfig.RegistryAuthConfig(t.registryAuth().user(), t.registryAuth().pass().trim()),
                dependsOn, t.variables() == null ? Map.of() : new LinkedHashMap<>(t.variables()),
                t.entrypoint() == null ? List.of() : List.copyOf(t.entrypoint()),
                t.command() == null ? List.of() : List.copyOf(t.command()),
                Boolean.TRUE.equals(t.injectApiToken()), PullPolicies.of(t.pullPolicy(), t.alwaysPullNewestImage()),
                ConfigValidator.wholeNumber(t.timeoutSeconds()), ConfigValidator.wholeNumber(t.queueTimeoutSeconds()),
                t.cpus() == null ? null : t.cpus().doubleValue(), ConfigValidator.wholeNumber(t.memoryMb()),
                t.networkMode(), toRetryConfig(t.retry()));
    }

    /** The retry policy with its defaults filled in, so that a stored config says what applies. */
    private static TaskConfig.RetryConfig toRetryConfig(PipelineDefinition.RetryDefinition r) {
        if (r == null) {
            return TaskConfig.RetryConfig.DEFAULT;
        }
        Long maxAttempts = ConfigValidator.wholeNumber(r.maxAttempts());
        Long backoff = ConfigValidator.wholeNumber(r.backoffSeconds());
        Long onWorkerLost = ConfigValidator.wholeNumber(r.onWorkerLost());
        return new TaskConfig.RetryConfig(
                maxAttempts == null ? TaskConfig.RetryConfig.DEFAULT_MAX_ATTEMPTS : maxAttempts.intValue(),
                backoff == null ? TaskConfig.RetryConfig.DEFAULT_BACKOFF_SECONDS : backoff.intValue(),
                r.exitCodes() == null
                        ? List.of()
                        : r.exitCodes().stream().map(c -> ConfigValidator.wholeNumber(c).intValue()).distinct()
                                .toList(),
                onWorkerLost == null ? TaskConfig.RetryConfig.DEFAULT_ON_WORKER_LOST : onWorkerLost.intValue());
    }

    static ApiException noPipeline(String namespaceId, String pipelineId) {
        return ApiException.notFound("pipeline '" + namespaceId + "/" + pipelineId + "' does not exist");
    }

    static ApiException noConfig(String namespaceId, String pipelineId, int version) {
        return ApiException.notFound("config version " + version + " of pipeline '" + namespaceId + "/" + pipelineId
                + "' does not exist");
    }
}
