package dev.gofer.sdk;

/**
 * A pipeline as the API knows it (its configs are versioned separately, see {@link Config}).
 *
 * @param namespaceId the namespace
 * @param pipelineId the pipeline id
 * @param state {@code active}, or {@code disabled} (refuses runs)
 * @param created epoch milliseconds
 * @param modified epoch milliseconds
 */
public record PipelineMetadata(String namespaceId, String pipelineId, PipelineState state, long created,
        long modified) {

    public PipelineMetadata {
        state = state == null ? PipelineState.UNKNOWN : state;
    }
}
