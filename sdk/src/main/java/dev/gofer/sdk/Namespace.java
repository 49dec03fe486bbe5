package dev.gofer.sdk;

/**
 * A namespace: a group of pipelines ({@code default} exists from the first start).
 *
 * @param id 3–32 of {@code [A-Za-z0-9_-]}
 * @param name a human name
 * @param description what it is for
 * @param created epoch milliseconds
 * @param modified epoch milliseconds
 */
public record Namespace(String id, String name, String description, long created, long modified) {
}
