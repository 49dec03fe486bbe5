package dev.gofer.api.pipeline.rest;

/** {@code PATCH .../pipelines/{id}}: the new state, {@code active} or {@code disabled}. */
public record PipelineUpdateRequest(String state) {
}
