package dev.gofer.store.secret.rest;

import java.time.Instant;
import java.util.List;

import dev.gofer.store.secret.service.GlobalSecretInfo;

/** A global secret as shown: key, namespace patterns and creation time, never the value. */
public record GlobalSecretView(String key, List<String> namespaces, Instant created) {

    static GlobalSecretView from(GlobalSecretInfo info) {
        return new GlobalSecretView(info.key(), info.namespaces(), info.created());
    }
}
