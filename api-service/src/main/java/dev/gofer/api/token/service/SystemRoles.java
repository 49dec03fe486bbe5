package dev.gofer.api.token.service;

import static dev.gofer.support.auth.Action.DELETE;
import static dev.gofer.support.auth.Action.READ;
import static dev.gofer.support.auth.Action.WRITE;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Permission;

/**
 * The roles every installation has, defined here and immutable. Gofer's, with its mistakes fixed: cancelling a run
 * and writing a secret need {@code write} and {@code delete} (not {@code read}), and reading a secret's value back
 * needs {@code reveal}, which only {@code admin} has. {@code run} is given only to run-scoped tokens.
 */
public final class SystemRoles {

    public static final String ADMIN = "admin";
    public static final String USER = "user";
    public static final String VIEWER = "viewer";
    public static final String RUN = "run";

    private static final List<String> PIPELINE_WORK = List.of("namespaces", "pipelines", "configs", "deployments",
            "runs", "task_runs", "objects", "secrets", "subscriptions", "events");

    private static final Map<String, RoleView> ROLES = Map.of(
            ADMIN, new RoleView(ADMIN, "Everything, in every namespace, including tokens, roles and secret values.",
                    List.of(new Permission(List.of(Permission.ALL), List.of(Action.values()))), true),
            USER, new RoleView(USER, "Reads and changes pipelines, runs, objects, secrets (never their values) and"
                    + " subscriptions in the token's namespaces.",
                    List.of(new Permission(PIPELINE_WORK, List.of(READ, WRITE, DELETE))), true),
            VIEWER, new RoleView(VIEWER, "Reads pipelines, runs, logs, objects, secret keys and subscriptions in the"
                    + " token's namespaces; changes nothing.", List.of(new Permission(PIPELINE_WORK, List.of(READ))),
                    true),
            RUN, new RoleView(RUN, "A run's own token (inject_api_token): reads its run and task runs, reads and writes"
                    + " its run objects, reads the pipeline's objects. Never given to other tokens.",
                    List.of(new Permission(List.of("runs", "task_runs"), List.of(READ)),
                            new Permission(List.of("objects"), List.of(READ, WRITE))),
                    true));

    private SystemRoles() {
    }

    public static Optional<RoleView> find(String id) {
        return Optional.ofNullable(ROLES.get(id));
    }

    /** admin, user, viewer, run. */
    public static List<RoleView> all() {
        return List.of(ROLES.get(ADMIN), ROLES.get(USER), ROLES.get(VIEWER), ROLES.get(RUN));
    }
}
