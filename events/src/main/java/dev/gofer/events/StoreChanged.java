package dev.gofer.events;

import java.util.List;

/**
 * What changed in store-service: {@code object.stored}, {@code object.deleted} (a pipeline object, or a run object
 * with {@code run_id}), {@code object.evicted} (the oldest pipeline object, removed because the pipeline reached its
 * object limit), {@code run-objects.expired} (every object of run {@code run_id}, removed because enough newer runs
 * completed; {@code keys} lists them), {@code secret.stored}, {@code secret.deleted} (a pipeline secret; never its
 * value). {@code key} names the object or secret (null for {@code run-objects.expired}). Key
 * {@code namespace/pipeline}, or {@code namespace/pipeline/run} when {@code run_id} is set.
 */
public record StoreChanged(String kind, String namespaceId, String pipelineId, Long runId, String key,
        List<String> keys) implements DomainEvent {

    public static final String OBJECT_STORED = "object.stored";
    public static final String OBJECT_DELETED = "object.deleted";
    public static final String OBJECT_EVICTED = "object.evicted";
    public static final String RUN_OBJECTS_EXPIRED = "run-objects.expired";
    public static final String SECRET_STORED = "secret.stored";
    public static final String SECRET_DELETED = "secret.deleted";

    public StoreChanged {
        Require.text(kind, "kind");
        Require.text(namespaceId, "namespace_id");
        Require.text(pipelineId, "pipeline_id");
        keys = Require.list(keys);
        Require.noNulls(keys, "keys");
    }

    @Override
    public String aggregateKey() {
        return namespaceId + "/" + pipelineId + (runId == null ? "" : "/" + runId);
    }
}
