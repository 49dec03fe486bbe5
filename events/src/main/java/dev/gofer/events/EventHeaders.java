package dev.gofer.events;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** Kafka header names: the envelope's id, type and version, so consumers can route and dedupe without parsing. */
public final class EventHeaders {

    public static final String EVENT_ID = "gofer-event-id";
    public static final String EVENT_TYPE = "gofer-event-type";
    public static final String EVENT_VERSION = "gofer-event-version";

    private EventHeaders() {
    }

    public static void write(Headers headers, Envelope<?> envelope) {
        headers.add(EVENT_ID, bytes(envelope.eventId()));
        headers.add(EVENT_TYPE, bytes(envelope.type()));
        headers.add(EVENT_VERSION, bytes(Integer.toString(envelope.version())));
    }

    /** The last value of a header as text, or null when absent. */
    public static String read(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
