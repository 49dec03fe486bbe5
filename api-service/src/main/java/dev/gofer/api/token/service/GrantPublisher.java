package dev.gofer.api.token.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

import dev.gofer.api.token.persistence.Token;
import dev.gofer.api.token.persistence.TokenRepository;
import dev.gofer.events.Envelope;
import dev.gofer.events.TokenGrant;
import dev.gofer.events.Topics;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Permission;
import dev.gofer.support.outbox.Outbox;

/**
 * Tells the other services what each token may do: a {@link TokenGrant} on {@link Topics#TOKENS} through the outbox,
 * in the transaction that changed the token (or its role), so the grant exists if and only if the change commits. At
 * startup every token is published again: a grant follows the roles as this version of the code defines them.
 */
@ApplicationScoped
public class GrantPublisher {

    private static final Logger LOG = Logger.getLogger(GrantPublisher.class);

    @Inject
    Outbox outbox;

    @Inject
    RoleService roles;

    @Inject
    TokenRepository tokens;

    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(Token token) {
        publish(token, false);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void revoked(Token token) {
        publish(token, true);
    }

    /** Publishes the grants of every token that holds {@code roleId} again (its permissions changed). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void roleChanged(String roleId) {
        tokens.listHolding(roleId).forEach(this::changed);
    }

    @Transactional
    void republishAll(@Observes StartupEvent startup) {
        List<Token> all = tokens.listAll();
        all.forEach(this::changed);
        LOG.infof("published the grants of %d token(s) on %s", all.size(), Topics.TOKENS);
    }

    private void publish(Token token, boolean revoked) {
        boolean run = Token.RUN.equals(token.kind);
        List<TokenGrant.Grant> grants = roles.permissionsOf(token.roles).stream()
                .map(GrantPublisher::grant).toList();
        TokenGrant grant = new TokenGrant(token.id, token.hash, token.user, token.namespaces, token.roles,
                !run && token.roles.contains(SystemRoles.ADMIN), grants, token.expires, token.disabled, revoked,
                run ? new TokenGrant.RunScope(token.runNamespace, token.runPipeline, token.runId) : null);
        outbox.enqueue(Topics.TOKENS, Envelope.of(token.id, grant));
    }

    private static TokenGrant.Grant grant(Permission permission) {
        return new TokenGrant.Grant(permission.resources(),
                permission.actions().stream().map(Action::wire).toList());
    }
}
