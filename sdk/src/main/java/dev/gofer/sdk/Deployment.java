package dev.gofer.sdk;

/**
 * A switch of a pipeline's live config from one version to another.
 *
 * @param namespaceId the namespace
 * @param pipelineId the pipeline
 * @param deploymentId 1, 2, ... per pipeline
 * @param startVersion the version that was live before (0 = none)
 * @param endVersion the version being made live
 * @param started epoch milliseconds (0 = not yet)
 * @param ended epoch milliseconds (0 = not yet)
 * @param state {@code running} or {@code complete}
 * @param status how it ended ({@code unknown} until it has)
 * @param statusReason why it ended so, or {@code null}
 */
public record Deployment(String namespaceId, String pipelineId, long deploymentId, long startVersion, long endVersion,
        long started, long ended, DeploymentState state, DeploymentStatus status, StatusReason statusReason) {

    public Deployment {
        state = state == null ? DeploymentState.UNKNOWN : state;
        status = status == null ? DeploymentStatus.UNKNOWN : status;
    }
}
