package dev.gofer.sdk.internal;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** One task of the pipeline JSON; {@code depends_on} values and {@code pull_policy} are the lower-case wire names. */
@JsonInclude(JsonInclude.Include.ALWAYS)
@JsonPropertyOrder({"id", "description", "image", "registry_auth", "depends_on", "variables", "entrypoint", "command",
        "inject_api_token", "always_pull_newest_image", "pull_policy"})
public record TaskSpec(String id, String description, String image, RegistryAuthSpec registryAuth,
        Map<String, String> dependsOn, Map<String, String> variables, List<String> entrypoint, List<String> command,
        boolean injectApiToken, boolean alwaysPullNewestImage, String pullPolicy) {
}
