package dev.gofer.store.secret.rest;

import java.util.List;

/** {@code {"secrets": [...]}}, ordered by key. */
public record SecretListResponse(List<SecretView> secrets) {
}
