package dev.gofer.support.auth;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

/** The token of the request being served, set by {@link AuthFilter} once it is allowed; empty on anonymous routes. */
@RequestScoped
public class Caller {

    private TokenGrant token;

    void set(TokenGrant token) {
        this.token = token;
    }

    public Optional<TokenGrant> token() {
        return Optional.ofNullable(token);
    }

    /** The caller's token; only for routes that need one (never anonymous ones). */
    public TokenGrant require() {
        if (token == null) {
            throw new IllegalStateException("no authenticated caller on this route");
        }
        return token;
    }

    /** Whether the caller's namespaces admit {@code namespaceId} (an admin's admit all). */
    public boolean reaches(String namespaceId) {
        return token != null && (token.admin() || Permission.anyMatches(token.namespaces(), namespaceId));
    }
}
