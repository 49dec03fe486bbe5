package dev.gofer.store.secret.rest;

/** {@code {"secret": {...}}} for a global secret. */
public record GlobalSecretResponse(GlobalSecretView secret) {
}
