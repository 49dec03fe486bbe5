package dev.gofer.api.pipeline.service;

import java.util.List;
import java.util.Map;

/**
 * The body of a config registration: the pipeline JSON the SDK emits (Gofer's wire format plus
 * {@code pull_policy}, the run controls, {@code queue_timeout_seconds} and {@code retry}). Checked as a whole by
 * {@code ConfigValidator}, which names every invalid field. Numbers are read as given (a fraction where a whole number
 * belongs is reported, not rounded).
 */
public record PipelineDefinition(String id, String name, String description, Long parallelism,
        List<TaskDefinition> tasks) {

    /** One task of the pipeline; every field after {@code pull_policy} is optional. */
    public record TaskDefinition(String id, String description, String image, RegistryAuthDefinition registryAuth,
            Map<String, String> dependsOn, Map<String, String> variables, List<String> entrypoint,
            List<String> command, Boolean injectApiToken, Boolean alwaysPullNewestImage, String pullPolicy,
            Number timeoutSeconds, Number queueTimeoutSeconds, Number cpus, Number memoryMb, String networkMode,
            RetryDefinition retry) {

        /** A task without run controls, queue timeout or retry policy. */
        public TaskDefinition(String id, String description, String image, RegistryAuthDefinition registryAuth,
                Map<String, String> dependsOn, Map<String, String> variables, List<String> entrypoint,
                List<String> command, Boolean injectApiToken, Boolean alwaysPullNewestImage, String pullPolicy) {
            this(id, description, image, registryAuth, dependsOn, variables, entrypoint, command, injectApiToken,
                    alwaysPullNewestImage, pullPolicy, null, null, null, null, null, null);
        }
    }

    /** Registry credentials; {@code pass} must be a secret reference, never a plaintext password. */
    public record RegistryAuthDefinition(String user, String pass) {
    }

    /** When a task run is retried; every field is optional (defaults 1, 5, any non-zero, 1). */
    public record RetryDefinition(Number maxAttempts, Number backoffSeconds, List<Number> exitCodes,
            Number onWorkerLost) {
    }
}
