package dev.gofer.events;

import java.time.Instant;
import java.util.UUID;

/**
 * What every record on a Gofer topic carries: a unique {@code eventId} (consumers dedupe on it), the payload's
 * {@code type} and schema {@code version}, when it happened, the record {@code key}, and the payload.
 */
public record Envelope<T extends EventPayload>(String eventId, String type, int version, Instant occurredAt,
        String key, T payload) {

    public Envelope {
        Require.text(eventId, "event_id");
        Require.text(type, "type");
        Require.present(occurredAt, "occurred_at");
        Require.text(key, "key");
        Require.present(payload, "payload");
        if (version < 1) {
            throw new InvalidEventException("field 'version' must be >= 1");
        }
    }

    /** A new envelope with a random id, the payload's registered type and current version, and the time now. */
    public static <T extends EventPayload> Envelope<T> of(String key, T payload) {
        return withId(UUID.randomUUID().toString(), key, payload);
    }

    /** As {@link #of}, with a chosen id: use a deterministic id where a retry must not count twice. */
    public static <T extends EventPayload> Envelope<T> withId(String eventId, String key, T payload) {
        EventTypes.Registration reg = EventTypes.of(payload);
        return new Envelope<>(eventId, reg.type(), reg.version(), Instant.now(), key, payload);
    }
}
