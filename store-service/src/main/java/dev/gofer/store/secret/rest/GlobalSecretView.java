package dev.gofer.store.secret.rest;

import java.util.List;

import dev.gofer.store.secret.service.GlobalSecretInfo;

/** A global secret as shown: key, namespace patterns and creation time (epoch milliseconds, as everywhere in the API), never the value. */
public record GlobalSecretView(String key, List<String> namespaces, long created) {

    static GlobalSecretView from(GlobalSecretInfo info) {
        return new GlobalSecretView(info.key(), info.namespaces(), info.created().toEpochMilli());
    }
}
