package dev.gofer.events;

/** {@code namespace.created}, {@code namespace.updated}, {@code namespace.deleted}; key {@code namespace}. */
public record NamespaceChanged(String kind, String namespaceId) implements DomainEvent {

    public static final String CREATED = "namespace.created";
    public static final String UPDATED = "namespace.updated";
    public static final String DELETED = "namespace.deleted";

    public NamespaceChanged {
        Require.text(kind, "kind");
        Require.text(namespaceId, "namespace_id");
    }

    @Override
    public String aggregateKey() {
        return namespaceId;
    }
}
