package dev.gofer.support.auth;

/** The one run a run-scoped token ({@code inject_api_token}) may reach. */
public record RunScope(String namespaceId, String pipelineId, long runId) {
}
