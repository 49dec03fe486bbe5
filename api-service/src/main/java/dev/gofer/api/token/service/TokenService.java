package dev.gofer.api.token.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.api.ApiException;
import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.token.persistence.Token;
import dev.gofer.api.token.persistence.TokenRepository;
import dev.gofer.events.AuditEvent;
import dev.gofer.support.auth.Permission;
import dev.gofer.support.auth.RunScope;
import dev.gofer.support.auth.TokenGrant;
import dev.gofer.support.auth.TokenHash;
import dev.gofer.support.problem.FieldError;

/**
 * Tokens, Gofer's model: one bootstrap token (once per installation), then tokens an admin makes for a user with
 * namespaces, roles, a lifetime and metadata. The secret is returned once and only its SHA-256 is stored. Every change
 * is an audit event naming the acting token.
 */
@ApplicationScoped
public class TokenService {

    private static final SecureRandom RANDOM = new SecureRandom();
    static final int MAX_METADATA = 32;

    @Inject
    TokenRepository tokens;

    @Inject
    RoleService roles;

    @Inject
    DomainEvents events;

    @Inject
    GrantPublisher grants;

    /** The installation's first admin token; 409 once one was made (even if it was deleted since). */
    @Transactional
    public CreatedToken bootstrap() {
        String id = newId();
        if (!tokens.claimBootstrap(id, System.currentTimeMillis())) {
            throw ApiException.conflict("the bootstrap token was made already; ask an admin for a token");
        }
        String secret = TokenHash.newSecret();
        Token token = token(id, Token.BOOTSTRAP, "bootstrap", List.of(".*"), List.of(SystemRoles.ADMIN), 0,
                Map.of("created_by", "bootstrap"), secret);
        tokens.persist(token);
        grants.changed(token);
        events.record(new AuditEvent(AuditEvent.TOKEN_CREATED, id, token.user, id, "roles: admin"));
        return new CreatedToken(secret, TokenView.of(token));
    }

    @Transactional
    public CreatedToken create(TokenGrant caller, NewToken request) {
        if (request == null) {
            throw ApiException.invalid("Invalid token", List.of(new FieldError("body", "is required")));
        }
        List<FieldError> errors = new ArrayList<>();
        if (request.user() == null || request.user().isBlank() || request.user().length() > 128) {
            errors.add(new FieldError("user", "must be 1-128 characters"));
        }
        List<String> namespaces = request.namespaces() == null ? List.of() : request.namespaces();
        if (namespaces.isEmpty()) {
            errors.add(
                    new FieldError("namespaces", "must list at least one namespace pattern (e.g. default, team-.*)"));
        }
        for (int i = 0; i < namespaces.size(); i++) {
            String problem = Permission.patternProblem(namespaces.get(i));
            if (problem != null) {
                errors.add(new FieldError("namespaces[" + i + "]", problem));
            }
        }
        List<String> roleIds = request.roles() == null ? List.of() : request.roles();
        if (roleIds.isEmpty()) {
            errors.add(new FieldError("roles", "must list at least one role (admin, user, viewer or a custom role)"));
        }
        List<String> unknown = roles.unknown(roleIds);
        if (!unknown.isEmpty()) {
            errors.add(new FieldError("roles",
                    "no such role: " + String.join(", ", unknown.stream().map(String::valueOf).toList())));
        }
        long lifetime = request.expires() == null ? 0 : request.expires();
        if (lifetime < 0) {
            errors.add(new FieldError("expires", "must be seconds from now, or 0 for never"));
        }
        Map<String, String> metadata = request.metadata() == null ? Map.of() : request.metadata();
        if (metadata.size() > MAX_METADATA) {
            errors.add(new FieldError("metadata", "at most " + MAX_METADATA + " entries"));
        }
        if (!errors.isEmpty()) {
            throw ApiException.invalid("Invalid token", errors);
        }
        long expires = lifetime == 0 ? 0 : System.currentTimeMillis() + lifetime * 1000;
        String secret = TokenHash.newSecret();
        Token token = token(newId(), Token.USER, request.user().trim(), namespaces, roleIds, expires, metadata,
                secret);
        tokens.persist(token);
        grants.changed(token);
        events.record(new AuditEvent(AuditEvent.TOKEN_CREATED, caller.id(), caller.user(), token.id,
                "user: " + token.user + "; roles: " + String.join(", ", roleIds) + "; namespaces: "
                        + String.join(", ", namespaces)));
        return new CreatedToken(secret, TokenView.of(token));
    }

    /**
     * A token for one run ({@code inject_api_token}): role {@code run}, limited to that run, disabled when the run
     * completes. Made in the caller's transaction; the secret goes only into the task containers' environment.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public String createForRun(String namespaceId, String pipelineId, long runId) {
        String secret = TokenHash.newSecret();
        Token token = token(newId(), Token.RUN, "run " + namespaceId + "/" + pipelineId + "/" + runId,
                List.of(namespaceId), List.of(SystemRoles.RUN), 0, Map.of(), secret);
        token.runNamespace = namespaceId;
        token.runPipeline = pipelineId;
        token.runId = runId;
        tokens.persist(token);
        grants.changed(token);
        return secret;
    }

    /** Disables the run's tokens: from now on they are refused (called when the run completes). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void endRun(String namespaceId, String pipelineId, long runId) {
        for (Token token : tokens.listOfRun(namespaceId, pipelineId, runId)) {
            if (!token.disabled) {
                token.disabled = true;
                grants.changed(token);
            }
        }
    }

    @Transactional
    public List<TokenView> list() {
        return tokens.listIssued().stream().map(TokenView::of).toList();
    }

    @Transactional
    public Optional<TokenView> get(String id) {
        return tokens.findByIdOptional(id).map(TokenView::of);
    }

    @Transactional
    public TokenView setDisabled(TokenGrant caller, String id, boolean disabled) {
        Token token = existing(id);
        if (token.id.equals(caller.id())) {
            throw ApiException.conflict("a token cannot " + (disabled ? "disable" : "enable") + " itself");
        }
        if (token.disabled != disabled) {
            token.disabled = disabled;
            grants.changed(token);
            events.record(new AuditEvent(disabled ? AuditEvent.TOKEN_DISABLED : AuditEvent.TOKEN_ENABLED,
                    caller.id(), caller.user(), id, "user: " + token.user));
        }
        return TokenView.of(token);
    }

    @Transactional
    public void delete(TokenGrant caller, String id) {
        Token token = existing(id);
        if (token.id.equals(caller.id())) {
            throw ApiException.conflict("a token cannot delete itself");
        }
        tokens.delete(token);
        grants.revoked(token);
        events.record(new AuditEvent(AuditEvent.TOKEN_DELETED, caller.id(), caller.user(), id,
                "user: " + token.user));
    }

    /** What the token with this hash may do, with its roles resolved; marks it used. */
    @Transactional
    public Optional<TokenGrant> grant(String hash) {
        Optional<Token> found = tokens.findByHash(hash);
        found.ifPresent(t -> tokens.touch(t.id, System.currentTimeMillis()));
        return found.map(this::grantOf);
    }

    private TokenGrant grantOf(Token token) {
        boolean admin = token.roles.contains(SystemRoles.ADMIN) && !Token.RUN.equals(token.kind);
        RunScope scope = Token.RUN.equals(token.kind)
                ? new RunScope(token.runNamespace, token.runPipeline, token.runId)
                : null;
        return new TokenGrant(token.id, token.user, token.namespaces, token.roles, admin,
                roles.permissionsOf(token.roles), token.expires == 0 ? null : Instant.ofEpochMilli(token.expires),
                token.disabled, scope);
    }

    private Token existing(String id) {
        return tokens.findByIdOptional(id).filter(t -> !Token.RUN.equals(t.kind))
                .orElseThrow(() -> ApiException.notFound("token '" + id + "' does not exist"));
    }

    private static Token token(String id, String kind, String user, List<String> namespaces, List<String> roleIds,
            long expires, Map<String, String> metadata, String secret) {
        Token token = new Token();
        token.id = id;
        token.hash = TokenHash.of(secret);
        token.kind = kind;
        token.user = user;
        token.namespaces = List.copyOf(namespaces);
        token.roles = List.copyOf(roleIds);
        token.metadata = Map.copyOf(metadata);
        token.created = System.currentTimeMillis();
        token.expires = expires;
        token.disabled = false;
        token.lastUsed = 0;
        return token;
    }

    private static String newId() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
