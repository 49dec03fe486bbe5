package dev.gofer.sdk;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One public domain event from {@code GET /api/events}, e.g. {@code run.started}. The payload's shape depends on the
 * type and is kept as JSON.
 *
 * @param id the event id; pass it as {@code after} to resume behind this event
 * @param type e.g. {@code namespace.created}, {@code config.registered}, {@code run.completed}
 * @param occurredAt when it happened, or {@code null} when the API did not say
 * @param key the aggregate it is about, e.g. {@code default/simple}
 * @param payload the event itself (an empty object when there is none)
 */
public record Event(String id, String type, Instant occurredAt, String key, JsonNode payload) {
}
