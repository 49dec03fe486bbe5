package dev.gofer.sdk;

/**
 * An object in the store (its content is fetched separately, as a stream).
 *
 * @param key 1–128 of {@code [A-Za-z0-9_.-]}
 * @param size content length in bytes
 * @param created epoch milliseconds
 */
public record StoredObject(String key, long size, long created) {
}
