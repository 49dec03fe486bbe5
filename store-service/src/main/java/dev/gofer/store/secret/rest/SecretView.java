package dev.gofer.store.secret.rest;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.gofer.store.secret.service.Revealed;
import dev.gofer.store.secret.service.SecretInfo;

/**
 * A pipeline secret as shown: key and creation time (epoch milliseconds, as everywhere in the API); the value in
 * {@code secret} only for {@code include_secret=true} with a token allowed {@code secrets: reveal}, otherwise the field is absent.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SecretView(String key, long created, String secret) {

    static SecretView from(SecretInfo info) {
        return new SecretView(info.key(), info.created().toEpochMilli(), null);
    }

    static SecretView from(Revealed<SecretInfo> revealed) {
        SecretInfo info = revealed.info();
        return new SecretView(info.key(), info.created().toEpochMilli(), revealed.value());
    }

    @Override
    public String toString() {
        return "SecretView[key=" + key + ", created=" + created + (secret == null ? "" : ", secret=***") + "]";
    }
}
