package dev.gofer.store.secret.service;

import java.time.Instant;

/** What may be shown about a pipeline secret: its key and when it was stored. Never the value. */
public record SecretInfo(String key, Instant created) {
}
