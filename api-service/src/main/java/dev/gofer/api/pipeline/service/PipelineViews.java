package dev.gofer.api.pipeline.service;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gofer.api.pipeline.persistence.Deployment;
import dev.gofer.api.pipeline.persistence.DeploymentReason;
import dev.gofer.api.pipeline.persistence.DeploymentState;
import dev.gofer.api.pipeline.persistence.DeploymentStatus;
import dev.gofer.api.pipeline.persistence.Pipeline;
import dev.gofer.api.pipeline.persistence.PipelineConfig;
import dev.gofer.api.pipeline.persistence.RequiredParentStatus;
import dev.gofer.api.pipeline.persistence.TaskConfig;
import dev.gofer.events.PullPolicy;

/** The read model of pipelines, configs and deployments, as the API shows it; entities never leave this package. */
public final class PipelineViews {

    private PipelineViews() {
    }

    public record PipelineView(String namespaceId, String pipelineId, String state, long created, long modified) {
        public static PipelineView from(Pipeline p) {
            return new PipelineView(p.namespaceId, p.pipelineId, p.state, p.created, p.modified);
        }
    }

    /** An environment variable and where it came from ({@code system}, {@code pipeline_config}, {@code run_options}). */
    public record VariableView(String key, String value, String source) {
    }

    public record RegistryAuthView(String user, String pass) {
    }

    /** When a task run is retried (the defaults filled in). */
    public record RetryView(int maxAttempts, int backoffSeconds, List<Integer> exitCodes, int onWorkerLost) {
        static RetryView from(TaskConfig.RetryConfig r) {
            return new RetryView(r.maxAttempts(), r.backoffSeconds(), r.exitCodes(), r.onWorkerLost());
        }
    }

    /** A task; {@code null} run controls and queue timeout mean none set (the worker's defaults, no limit). */
    public record TaskView(String id, String description, String image, RegistryAuthView registryAuth,
            Map<String, RequiredParentStatus> dependsOn, List<VariableView> variables, List<String> entrypoint,
            List<String> command, boolean injectApiToken, PullPolicy pullPolicy, Long timeoutSeconds,
            Long queueTimeoutSeconds, Double cpus, Long memoryMb, String networkMode, RetryView retry) {
        public static TaskView from(TaskConfig t) {
            return new TaskView(t.id(), t.description(), t.image(),
                    t.registryAuth() == null
                            ? null
                            : new RegistryAuthView(t.registryAuth().user(), t.registryAuth().pass()),
                    t.dependsOn(),
                    t.variables().entrySet().stream()
                            .map(e -> new VariableView(e.getKey(), e.getValue(), "pipeline_config")).toList(),
                    t.entrypoint(), t.command(), t.injectApiToken(), t.pullPolicy(), t.timeoutSeconds(),
                    t.queueTimeoutSeconds(), t.cpus(), t.memoryMb(), t.networkMode(),
                    RetryView.from(t.retryPolicy()));
        }
    }

    public record ConfigView(String namespaceId, String pipelineId, int version, String name, String description,
            long parallelism, String state, long registered, long deprecated, Map<String, TaskView> tasks) {
        public static ConfigView from(PipelineConfig c) {
            Map<String, TaskView> tasks = new LinkedHashMap<>();
            c.tasks.forEach(t -> tasks.put(t.id(), TaskView.from(t)));
            return new ConfigView(c.namespaceId, c.pipelineId, c.version, c.name, c.description, c.parallelism,
                    c.state, c.registered, c.deprecated, tasks);
        }
    }

    /** Why a deployment failed; absent unless it did. */
    public record DeploymentReasonView(DeploymentReason reason, String description) {
        static DeploymentReasonView of(DeploymentReason reason, String description) {
            return reason == null ? null : new DeploymentReasonView(reason, description == null ? "" : description);
        }
    }

    public record DeploymentView(String namespaceId, String pipelineId, long deploymentId, int startVersion,
            int endVersion, long started, long ended, DeploymentState state, DeploymentStatus status,
            DeploymentReasonView statusReason) {
        public static DeploymentView from(Deployment d) {
            return new DeploymentView(d.namespaceId, d.pipelineId, d.deploymentId, d.startVersion, d.endVersion,
                    d.started, d.ended, d.state, d.status,
                    DeploymentReasonView.of(d.statusReason, d.statusDescription));
        }
    }
}
