package dev.gofer.api.pipeline.service;

import java.util.List;
import java.util.Map;

import dev.gofer.events.PullPolicy;

/**
 * A validated task of a config version, as stored (JSON) and snapshotted into each of its task runs. Variables and
 * dependencies keep the order the user wrote them in.
 */
public record TaskConfig(String id, String description, String image, RegistryAuthConfig registryAuth,
        Map<String, RequiredParentStatus> dependsOn, Map<String, String> variables, List<String> entrypoint,
        List<String> command, boolean injectApiToken, PullPolicy pullPolicy) {

    /** Registry user and a secret reference for the password. */
    public record RegistryAuthConfig(String user, String pass) {
    }
}
