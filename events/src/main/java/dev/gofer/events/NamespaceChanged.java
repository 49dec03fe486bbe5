package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * {@code namespace.created}, {@code namespace.updated}, {@code namespace.deleted}; key {@code namespace}.
 * {@code by_token_id} and {@code by_user} name the token that asked for it (absent for the default namespace, which
 * api-service creates itself).
 */
public record NamespaceChanged(String kind, String namespaceId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String byTokenId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String byUser)
        implements
            DomainEvent {

    public static final String CREATED = "namespace.created";
    public static final String UPDATED = "namespace.updated";
    public static final String DELETED = "namespace.deleted";

    public NamespaceChanged {
        Require.text(kind, "kind");
        Require.text(namespaceId, "namespace_id");
    }

    public NamespaceChanged(String kind, String namespaceId) {
        this(kind, namespaceId, null, null);
    }

    @Override
    public String aggregateKey() {
        return namespaceId;
    }
}
