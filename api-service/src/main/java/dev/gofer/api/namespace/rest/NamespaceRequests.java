package dev.gofer.api.namespace.rest;

/** Request bodies of the namespace endpoints. */
public final class NamespaceRequests {

    private NamespaceRequests() {
    }

    /** {@code POST /api/namespaces}. */
    public record CreateNamespaceRequest(String id, String name, String description) {
    }

    /** {@code PATCH /api/namespaces/{id}}: fields left out are not changed. */
    public record UpdateNamespaceRequest(String name, String description) {
    }
}
