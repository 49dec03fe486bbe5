package dev.gofer.sdk;

import java.util.List;
import java.util.Map;

/**
 * An API token's details; never its secret.
 *
 * @param id the token's id (what audit events name)
 * @param kind {@code bootstrap}, {@code user} or {@code run} (a run's own token, {@code inject_api_token})
 * @param user who it is for
 * @param namespaces anchored patterns of the namespaces it may reach
 * @param roles its roles: {@code admin}, {@code user}, {@code viewer} or custom ones
 * @param metadata free key/values given when it was made
 * @param created epoch milliseconds
 * @param expires epoch milliseconds, 0 for never
 * @param disabled whether it is refused
 * @param lastUsed epoch milliseconds (updated at most once a minute), 0 for not yet
 */
public record Token(String id, String kind, String user, List<String> namespaces, List<String> roles,
        Map<String, String> metadata, long created, long expires, boolean disabled, long lastUsed) {
}
