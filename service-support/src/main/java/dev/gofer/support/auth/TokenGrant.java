package dev.gofer.support.auth;

import java.time.Instant;
import java.util.List;

/**
 * What a token may do, as every service sees it: its id and user, the namespaces it may reach (anchored patterns),
 * whether it is an admin, the permissions of its roles (resolved), when it expires ({@code null}: never), whether it
 * is disabled, and for a run-scoped token its run. Never the token itself: services hold only its SHA-256.
 */
public record TokenGrant(String id, String user, List<String> namespaces, List<String> roles, boolean admin,
        List<Permission> permissions, Instant expires, boolean disabled, RunScope runScope) {

    public TokenGrant {
        namespaces = List.copyOf(namespaces);
        roles = List.copyOf(roles);
        permissions = List.copyOf(permissions);
    }

    public boolean expiredAt(Instant now) {
        return expires != null && !now.isBefore(expires);
    }
}
