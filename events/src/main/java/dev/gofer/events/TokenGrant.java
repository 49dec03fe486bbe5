package dev.gofer.events;

import java.util.List;

/**
 * What one token may do, as api-service publishes it for the other services ({@link Topics#TOKENS}, compacted, key
 * the token id): the SHA-256 (hex) of its secret, never the secret; its user, namespace patterns and roles; whether
 * it is an admin; the permissions of its roles, resolved; when it expires (epoch ms, 0 never); whether it is disabled
 * or {@code revoked} (deleted); and for a run-scoped token its run. The latest record per token is its state.
 */
public record TokenGrant(String tokenId, String hash, String user, List<String> namespaces, List<String> roles,
        boolean admin, List<Grant> permissions, long expires, boolean disabled, boolean revoked,
        RunScope run)
        implements
            AuthEvent {

    public static final String TYPE = "token.grant";

    public TokenGrant {
        Require.text(tokenId, "token_id");
        Require.text(hash, "hash");
        namespaces = Require.list(namespaces);
        roles = Require.list(roles);
        permissions = Require.list(permissions);
        Require.noNulls(permissions, "permissions");
    }

    /** Actions ({@code read}, {@code write}, {@code delete}, {@code reveal}) on resources. */
    public record Grant(List<String> resources, List<String> actions) {

        public Grant {
            resources = Require.list(resources);
            actions = Require.list(actions);
        }
    }

    /** The run a run-scoped token is limited to. */
    public record RunScope(String namespaceId, String pipelineId, long runId) {
    }
}
