package dev.gofer.api.token.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.events.AuditEvent;
import dev.gofer.support.auth.AuthAudit;
import dev.gofer.support.auth.Decision;
import dev.gofer.support.auth.TokenGrant;

/** A known token refused: {@code permission.denied} on {@code gofer.events}, naming the token and the route. */
@ApplicationScoped
public class DeniedAudit implements AuthAudit {

    @Inject
    DomainEvents events;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void denied(TokenGrant token, String method, String path, Decision decision) {
        events.record(new AuditEvent(AuditEvent.PERMISSION_DENIED, token.id(), token.user(), method + " " + path,
                decision.status() + ": " + decision.detail()));
    }
}
