package dev.gofer.api.namespace.service;

import dev.gofer.api.namespace.persistence.Namespace;

/** A namespace as the API shows it. */
public record NamespaceView(String id, String name, String description, long created, long modified) {

    static NamespaceView from(Namespace n) {
        return new NamespaceView(n.id, n.name, n.description, n.created, n.modified);
    }
}
