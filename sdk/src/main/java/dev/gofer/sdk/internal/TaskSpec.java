package dev.gofer.sdk.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One task of the pipeline JSON; {@code depends_on} values and {@code pull_policy} are the lower-case wire names. The
 * run controls, {@code queue_timeout_seconds} and {@code retry} are left out when not set (the server's defaults
 * apply), so a task without them is written exactly as before they existed.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "description", "image", "registry_auth", "depends_on", "variables", "entrypoint", "command",
        "inject_api_token", "always_pull_newest_image", "pull_policy", "timeout_seconds", "queue_timeout_seconds",
        "cpus", "memory_mb", "network_mode", "retry"})
public record TaskSpec(String id, String description, String image, RegistryAuthSpec registryAuth,
        Map<String, String> dependsOn, Map<String, String> variables, List<String> entrypoint, List<String> command,
        boolean injectApiToken, boolean alwaysPullNewestImage, String pullPolicy,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long timeoutSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Long queueTimeoutSeconds,
        @JsonInclude(JsonInclude.Include.NON_NULL) Double cpus,
        @JsonInclude(JsonInclude.Include.NON_NULL) Integer memoryMb,
        @JsonInclude(JsonInclude.Include.NON_NULL) String networkMode,
        @JsonInclude(JsonInclude.Include.NON_NULL) RetrySpec retry) {

    /** A task without run controls, queue timeout or retry policy. */
    public TaskSpec(String id, String description, String image, RegistryAuthSpec registryAuth,
            Map<String, String> dependsOn, Map<String, String> variables, List<String> entrypoint,
            List<String> command, boolean injectApiToken, boolean alwaysPullNewestImage, String pullPolicy) {
        this(id, description, image, registryAuth, dependsOn, variables, entrypoint, command, injectApiToken,
                alwaysPullNewestImage, pullPolicy, null, null, null, null, null, null);
    }
}
