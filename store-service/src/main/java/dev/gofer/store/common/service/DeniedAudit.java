package dev.gofer.store.common.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.events.AuditEvent;
import dev.gofer.support.auth.AuthAudit;
import dev.gofer.support.auth.Decision;
import dev.gofer.support.auth.TokenGrant;
import dev.gofer.support.outbox.Outbox;

/** A known token refused a store route: {@code permission.denied} on {@code gofer.events}, through the outbox. */
@ApplicationScoped
public class DeniedAudit implements AuthAudit {

    @Inject
    Outbox outbox;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(TokenGrant token, String method, String path, Decision decision) {
        outbox.record(new AuditEvent(AuditEvent.PERMISSION_DENIED, token.id(), token.user(), method + " " + path,
                decision.status() + ": " + decision.detail()));
    }
}
