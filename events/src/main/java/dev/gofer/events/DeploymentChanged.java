package dev.gofer.events;

/**
 * {@code deployment.started}, {@code deployment.completed}: a deployment of a pipeline from {@code startVersion} to
 * {@code endVersion}; {@code status} {@code unknown|successful|failed}. Key {@code namespace/pipeline}.
 */
public record DeploymentChanged(String kind, String namespaceId, String pipelineId, long deploymentId,
        int startVersion, int endVersion, String status) implements DomainEvent {

    public static final String STARTED = "deployment.started";
    public static final String COMPLETED = "deployment.completed";

    public DeploymentChanged {
        Require.text(kind, "kind");
        Require.text(namespaceId, "namespace_id");
        Require.text(pipelineId, "pipeline_id");
        status = status == null ? "unknown" : status;
    }

    @Override
    public String aggregateKey() {
        return namespaceId + "/" + pipelineId;
    }
}
