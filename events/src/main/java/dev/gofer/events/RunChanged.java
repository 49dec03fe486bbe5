package dev.gofer.events;

/**
 * {@code run.queued} (created, waiting for a slot), {@code run.started}, {@code run.cancelling},
 * {@code run.completed} ({@code status} {@code successful|failed|cancelled} with {@code reason}). Key
 * {@code namespace/pipeline/run}.
 */
public record RunChanged(String kind, String namespaceId, String pipelineId, long runId, String state, String status,
        String reason) implements DomainEvent {

    public static final String QUEUED = "run.queued";
    public static final String STARTED = "run.started";
    public static final String CANCELLING = "run.cancelling";
    public static final String COMPLETED = "run.completed";

    public RunChanged {
        Require.text(kind, "kind");
        Require.text(namespaceId, "namespace_id");
        Require.text(pipelineId, "pipeline_id");
        state = state == null ? "" : state;
        status = status == null ? "unknown" : status;
    }

    @Override
    public String aggregateKey() {
        return namespaceId + "/" + pipelineId + "/" + runId;
    }
}
