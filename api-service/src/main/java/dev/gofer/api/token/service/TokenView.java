package dev.gofer.api.token.service;

import java.util.List;
import java.util.Map;

import dev.gofer.api.token.persistence.Token;

/**
 * A token as the API shows it: never its secret, never its hash. Times are epoch milliseconds; {@code expires} 0 is
 * never, {@code last_used} 0 is not yet (updated at most once a minute).
 */
public record TokenView(String id, String kind, String user, List<String> namespaces, List<String> roles,
        Map<String, String> metadata, long created, long expires, boolean disabled, long lastUsed) {

    static TokenView of(Token token) {
        return new TokenView(token.id, token.kind, token.user, token.namespaces, token.roles, token.metadata,
                token.created, token.expires, token.disabled, token.lastUsed);
    }
}
