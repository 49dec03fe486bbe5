package dev.gofer.trigger.common.service;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.gofer.support.auth.AuthAudit;
import dev.gofer.support.auth.Decision;
import dev.gofer.support.auth.TokenGrant;

/**
 * A known token refused a trigger route: logged with the token's id and user (never the token). trigger-service has
 * no outbox, so this refusal is not on {@code gofer.events} (the front door's own refusals are).
 */
@ApplicationScoped
public class DeniedAudit implements AuthAudit {

    private static final Logger LOG = Logger.getLogger(DeniedAudit.class);

    @Override
    public void denied(TokenGrant token, String method, String path, Decision decision) {
        LOG.warnf("permission denied: token %s (%s) %s %s: %d %s", token.id(), token.user(), method, path,
                decision.status(), decision.detail());
    }
}
