package dev.gofer.events;

/**
 * {@code pipeline.created} (first config), {@code pipeline.enabled}, {@code pipeline.disabled},
 * {@code pipeline.deleted}, {@code config.registered}, {@code config.deleted} (with {@code version}); key
 * {@code namespace/pipeline}.
 */
public record PipelineChanged(String kind, String namespaceId, String pipelineId, Integer version)
        implements
            DomainEvent {

    public static final String CREATED = "pipeline.created";
    public static final String ENABLED = "pipeline.enabled";
    public static final String DISABLED = "pipeline.disabled";
    public static final String DELETED = "pipeline.deleted";
    public static final String CONFIG_REGISTERED = "config.registered";
    public static final String CONFIG_DELETED = "config.deleted";

    public PipelineChanged {
        Require.text(kind, "kind");
        Require.text(namespaceId, "namespace_id");
        Require.text(pipelineId, "pipeline_id");
    }

    @Override
    public String aggregateKey() {
        return namespaceId + "/" + pipelineId;
    }
}
