package dev.gofer.api.event.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import dev.gofer.api.event.persistence.EventRepository;
import dev.gofer.events.EventCodec;

/** Reads the recorded events for the stream, as the API shows them. */
@ApplicationScoped
public class EventStream {

    /** An event as streamed: its position, envelope id, type, key, time and payload. */
    public record EventView(long id, String eventId, String type, String key, long emitted, JsonNode payload) {
    }

    @Inject
    EventRepository events;

    @Transactional
    public List<EventView> after(long afterId, int limit) {
        return events.after(afterId, limit).stream().map(e -> new EventView(e.id, e.eventId, e.type, e.recordKey,
                e.emitted, tree(e.payload))).toList();
    }

    /** Where a stream that starts at {@code since} begins. */
    @Transactional
    public long positionBefore(Instant since) {
        return events.idBefore(since.toEpochMilli());
    }

    private static JsonNode tree(String json) {
        try {
            return EventCodec.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
