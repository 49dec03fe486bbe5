package dev.gofer.support.auth;

import java.util.Optional;

/**
 * The kinds of resource a route acts on, each with the path parameter that names its instance (the target a role's
 * {@code kind:<pattern>} resource is matched against). Wire names are Gofer's, {@code task_runs} for its
 * {@code task_executions}.
 */
public enum ResourceKind {
    NAMESPACES("namespaces", "namespace_id"), PIPELINES("pipelines", "pipeline_id"), CONFIGS("configs",
            "version"), DEPLOYMENTS("deployments", "deployment_id"), RUNS("runs", "run_id"), TASK_RUNS("task_runs",
                    "task_id"), OBJECTS("objects", "key"), SECRETS("secrets", "key"), SUBSCRIPTIONS("subscriptions",
                            "subscription_id"), EVENTS("events",
                                    null), TOKENS("tokens", "token_id"), ROLES("roles", "role_id");

    private final String wire;
    private final String targetParameter;

    ResourceKind(String wire, String targetParameter) {
        this.wire = wire;
        this.targetParameter = targetParameter;
    }

    public String wire() {
        return wire;
    }

    /** The path parameter naming the instance, if routes of this kind name one. */
    public Optional<String> targetParameter() {
        return Optional.ofNullable(targetParameter);
    }

    public static Optional<ResourceKind> of(String wire) {
        for (ResourceKind kind : values()) {
            if (kind.wire.equals(wire)) {
                return Optional.of(kind);
            }
        }
        return Optional.empty();
    }
}
