package dev.gofer.api.token.service;

import java.util.List;
import java.util.Map;

/**
 * What an admin asks for: the user it is for, the namespaces it may reach (anchored patterns, e.g. {@code default},
 * {@code team-.*}), its roles, its lifetime in seconds from now (0 or absent: never expires) and free metadata.
 */
public record NewToken(String user, List<String> namespaces, List<String> roles, Long expires,
        Map<String, String> metadata) {
}
