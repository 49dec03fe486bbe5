package dev.gofer.store.secret.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.gofer.store.secret.service.GlobalSecretInfo;
import dev.gofer.store.secret.service.Revealed;

/**
 * A global secret as shown: key, namespace patterns and creation time (epoch milliseconds, as everywhere in the API);
 * the value in {@code secret} only for {@code include_secret=true} with a token allowed {@code secrets: reveal}, otherwise the field is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record GlobalSecretView(String key, List<String> namespaces, long created, String secret) {

    static GlobalSecretView from(GlobalSecretInfo info) {
        return new GlobalSecretView(info.key(), info.namespaces(), info.created().toEpochMilli(), null);
    }

    static GlobalSecretView from(Revealed<GlobalSecretInfo> revealed) {
        GlobalSecretInfo info = revealed.info();
        return new GlobalSecretView(info.key(), info.namespaces(), info.created().toEpochMilli(), revealed.value());
    }

    @Override
    public String toString() {
        return "GlobalSecretView[key=" + key + ", namespaces=" + namespaces + ", created=" + created
                + (secret == null ? "" : ", secret=***") + "]";
    }
}
