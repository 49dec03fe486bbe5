package dev.gofer.api.pipeline.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;

import dev.gofer.api.ApiException;
import dev.gofer.api.ApiException.FieldError;
import dev.gofer.api.pipeline.persistence.Pipeline;
import dev.gofer.api.pipeline.persistence.PipelineConfig;
import dev.gofer.api.pipeline.persistence.PipelineConfigRepository;
import dev.gofer.api.pipeline.persistence.PipelineRepository;
import dev.gofer.api.pipeline.rest.PipelineConfigRequest;
import dev.gofer.api.pipeline.rest.PipelineConfigRequest.TaskRequest;
import dev.gofer.events.EventCodec;

/**
 * Registers config versions. A registration creates version N+1 and, unless asked not to, deploys it at once (it
 * becomes {@code live}, the previous live version {@code deprecated}) — what {@code gofer up} does by default.
 * Runs always use the live version.
 */
@ApplicationScoped
public class PipelineService {

    private static final TypeReference<List<TaskConfig>> TASKS = new TypeReference<>() {
    };

    @Inject
    PipelineRepository pipelines;

    @Inject
    PipelineConfigRepository configs;

    @Transactional
    public PipelineViews.ConfigView register(String namespaceId, String pipelineId, PipelineConfigRequest request,
            boolean deploy) {
        List<FieldError> errors = new ArrayList<>();
        if (!ConfigValidator.isIdentifier(namespaceId)) {
            errors.add(new FieldError("namespace_id", "must be 3-32 characters of A-Z, a-z, 0-9, '-' and '_'"));
        }
        errors.addAll(ConfigValidator.validate(pipelineId, request));
        if (!errors.isEmpty()) {
            throw ApiException.invalid("Invalid pipeline config", errors);
        }
        long now = System.currentTimeMillis();
        Pipeline pipeline = pipelines.findForUpdate(namespaceId, pipelineId).orElseGet(() -> {
            Pipeline p = new Pipeline();
            p.namespaceId = namespaceId;
            p.pipelineId = pipelineId;
            p.state = "active";
            p.created = now;
            pipelines.persist(p);
            pipelines.flush();
            return p;
        });
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
        config.tasks = writeTasks(request.tasks().stream().map(PipelineService::toTaskConfig).toList());
        configs.persist(config);
        if (deploy) {
            for (PipelineConfig live : configs.listLive(namespaceId, pipelineId)) {
                live.state = "deprecated";
                live.deprecated = now;
            }
            config.state = "live";
        }
        return PipelineViews.ConfigView.from(config);
    }

    public Optional<PipelineViews.PipelineView> pipeline(String namespaceId, String pipelineId) {
        return pipelines.findByIds(namespaceId, pipelineId).map(PipelineViews.PipelineView::from);
    }

    /** A version of the config; 0 means the latest registered. */
    public Optional<PipelineViews.ConfigView> config(String namespaceId, String pipelineId, int version) {
        return (version == 0
                ? configs.findLatest(namespaceId, pipelineId)
                : configs.findVersion(namespaceId, pipelineId, version)).map(PipelineViews.ConfigView::from);
    }

    public Optional<PipelineConfig> liveConfig(String namespaceId, String pipelineId) {
        return configs.findLive(namespaceId, pipelineId);
    }

    public static List<TaskConfig> tasksOf(PipelineConfig config) {
        try {
            return EventCodec.mapper().readValue(config.tasks, TASKS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored tasks of " + config.pipelineId + " v" + config.version
                    + " cannot be read", e);
        }
    }

    public static TaskConfig readTask(String json) {
        try {
            return EventCodec.mapper().readValue(json, TaskConfig.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored task cannot be read", e);
        }
    }

    public static String writeTask(TaskConfig task) {
        try {
            return EventCodec.mapper().writeValueAsString(task);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String writeTasks(List<TaskConfig> tasks) {
        try {
            return EventCodec.mapper().writeValueAsString(tasks);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static TaskConfig toTaskConfig(TaskRequest t) {
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
                Boolean.TRUE.equals(t.injectApiToken()), PullPolicies.of(t.pullPolicy(), t.alwaysPullNewestImage()));
    }
}
