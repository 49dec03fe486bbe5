package dev.gofer.store.secret.rest;

import java.time.Instant;

import dev.gofer.store.secret.service.SecretInfo;

/** A pipeline secret as shown: key and creation time, never the value. */
public record SecretView(String key, Instant created) {

    static SecretView from(SecretInfo info) {
        return new SecretView(info.key(), info.created());
    }
}
