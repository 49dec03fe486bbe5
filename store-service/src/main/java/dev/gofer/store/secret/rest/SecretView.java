package dev.gofer.store.secret.rest;

import dev.gofer.store.secret.service.SecretInfo;

/** A pipeline secret as shown: key and creation time (epoch milliseconds, as everywhere in the API), never the value. */
public record SecretView(String key, long created) {

    static SecretView from(SecretInfo info) {
        return new SecretView(info.key(), info.created().toEpochMilli());
    }
}
