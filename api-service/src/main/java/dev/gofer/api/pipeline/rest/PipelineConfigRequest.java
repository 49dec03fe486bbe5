package dev.gofer.api.pipeline.rest;

import java.util.List;
import java.util.Map;

/**
 * The body of a config registration: the pipeline JSON the SDK emits (Gofer's wire format plus
 * {@code pull_policy}). Checked as a whole by {@code ConfigValidator}, which names every invalid field.
 */
public record PipelineConfigRequest(String id, String name, String description, Long parallelism,
        List<TaskRequest> tasks) {

    /** One task of the pipeline. */
    public record TaskRequest(String id, String description, String image, RegistryAuthRequest registryAuth,
            Map<String, String> dependsOn, Map<String, String> variables, List<String> entrypoint,
            List<String> command, Boolean injectApiToken, Boolean alwaysPullNewestImage, String pullPolicy) {
    }

    /** Registry credentials; {@code pass} must be a secret reference, never a plaintext password. */
    public record RegistryAuthRequest(String user, String pass) {
    }
}
