package dev.gofer.sdk;

import java.util.List;

/**
 * A secret together with its value, as revealed to an administrator ({@code ?include_secret=true}). {@link #toString()}
 * leaves the value out, so logging the record does not leak it.
 *
 * @param key 1–128 of {@code [A-Za-z0-9_.-]}
 * @param created epoch milliseconds
 * @param namespaces for a global secret, its namespace patterns; empty for a pipeline secret
 * @param value the plaintext value
 */
public record SecretValue(String key, long created, List<String> namespaces, String value) {

    public SecretValue {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** The secret without its value. */
    public SecretInfo info() {
        return new SecretInfo(key, created, namespaces);
    }

    @Override
    public String toString() {
        return "SecretValue[key=" + key + ", created=" + created + ", namespaces=" + namespaces + ", value=***]";
    }
}
