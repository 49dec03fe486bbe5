package dev.gofer.store.secret.rest;

import java.util.List;

/** {@code {"secrets": [...]}} of global secrets, ordered by key. */
public record GlobalSecretListResponse(List<GlobalSecretView> secrets) {
}
