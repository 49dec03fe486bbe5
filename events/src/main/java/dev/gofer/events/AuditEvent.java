package dev.gofer.events;

/**
 * Who did something that matters for security, on {@link Topics#EVENTS}: {@code token.created},
 * {@code token.disabled}, {@code token.enabled}, {@code token.deleted}, {@code role.created}, {@code role.updated},
 * {@code role.deleted}, {@code permission.denied} (a known token refused a route), {@code secret.revealed} (a secret
 * value was read back). {@code token_id} and {@code user} name the acting token (never the token itself);
 * {@code subject} what it acted on (a token id, a role id, {@code METHOD path}, a secret's path); {@code detail} the
 * refusal's reason or the roles granted. Key: the acting token's id.
 */
public record AuditEvent(String kind, String tokenId, String user, String subject, String detail)
        implements
            DomainEvent {

    public static final String TOKEN_CREATED = "token.created";
    public static final String TOKEN_DISABLED = "token.disabled";
    public static final String TOKEN_ENABLED = "token.enabled";
    public static final String TOKEN_DELETED = "token.deleted";
    public static final String ROLE_CREATED = "role.created";
    public static final String ROLE_UPDATED = "role.updated";
    public static final String ROLE_DELETED = "role.deleted";
    public static final String PERMISSION_DENIED = "permission.denied";
    public static final String SECRET_REVEALED = "secret.revealed";

    public AuditEvent {
        Require.text(kind, "kind");
        Require.text(tokenId, "token_id");
        Require.text(user, "user");
        Require.text(subject, "subject");
        detail = detail == null ? "" : detail;
    }

    @Override
    public String aggregateKey() {
        return tokenId;
    }
}
