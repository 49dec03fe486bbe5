package dev.gofer.store.secret.rest;

/** {@code {"secret": {...}}}. */
public record SecretResponse(SecretView secret) {
}
