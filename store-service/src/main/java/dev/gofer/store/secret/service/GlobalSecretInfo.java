package dev.gofer.store.secret.service;

import java.time.Instant;
import java.util.List;

/** What may be shown about a global secret: key, namespace patterns, when it was stored. Never the value. */
public record GlobalSecretInfo(String key, List<String> namespaces, Instant created) {

    public GlobalSecretInfo {
        namespaces = List.copyOf(namespaces);
    }

    /** Whether a task run in {@code namespaceId} may use this secret (one pattern matches the whole id). */
    public boolean allows(String namespaceId) {
        return NamespacePatterns.allows(namespaces, namespaceId);
    }
}
