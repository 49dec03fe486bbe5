package dev.gofer.events;

/** What every service needs to check tokens itself: the grants api-service publishes on {@link Topics#TOKENS}. */
public sealed interface AuthEvent extends EventPayload permits TokenGrant {
}
