package dev.gofer.sdk;

import java.util.List;

/**
 * A stored secret as the store shows it: never its value (see {@link SecretValue} for that).
 *
 * @param key 1–128 of {@code [A-Za-z0-9_.-]}
 * @param created epoch milliseconds
 * @param namespaces for a global secret, the regular expressions a namespace id must match in full to use it; empty
 *        for a pipeline secret
 */
public record SecretInfo(String key, long created, List<String> namespaces) {

    public SecretInfo {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }
}
