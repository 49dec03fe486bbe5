package dev.gofer.events;

import java.util.Map;

/**
 * Ask for a new run of a pipeline's current config, with run variables (highest precedence in the task environment).
 * Topic {@link Topics#RUN_REQUESTS}, key {@code namespace/pipeline}. The envelope's {@code event_id} makes the request
 * idempotent: publishing the same id twice starts one run.
 */
public record RunRequested(String namespaceId, String pipelineId, Map<String, String> variables, Initiator initiator)
        implements
            RunEvent {

    public static final String TYPE = "run.requested";

    public RunRequested {
        Require.text(namespaceId, "namespace_id");
        Require.text(pipelineId, "pipeline_id");
        variables = Require.map(variables);
        initiator = initiator == null ? new Initiator("external", "") : initiator;
    }

    /** The record key: {@code namespace/pipeline}. */
    public String key() {
        return namespaceId + "/" + pipelineId;
    }
}
