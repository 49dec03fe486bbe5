package dev.gofer.support.auth;

/**
 * Where a service records refusals of known tokens ({@code permission.denied} on {@code gofer.events}). Optional:
 * a service without one records nothing. Never given the presented token, only its grant.
 */
public interface AuthAudit {

    void denied(TokenGrant token, String method, String path, Decision decision);
}
