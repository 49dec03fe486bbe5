package dev.gofer.sdk.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Reads timestamps leniently: the REST API writes epoch milliseconds, the event contract ISO-8601 instants; both (and
 * numbers sent as strings) are accepted wherever a timestamp is read from a stream.
 */
public final class Timestamps {

    private Timestamps() {
    }

    /** The instant in {@code node}, or {@code null} when it is missing, 0 or unreadable. */
    public static Instant instant(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return null;
        }
        if (node.isNumber()) {
            return node.asLong() <= 0 ? null : Instant.ofEpochMilli(node.asLong());
        }
        String text = node.asText("").strip();
        if (text.isEmpty()) {
            return null;
        }
        if (text.length() <= 18 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
            long millis = Long.parseLong(text);
            return millis <= 0 ? null : Instant.ofEpochMilli(millis);
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return OffsetDateTime.parse(text).toInstant();
            } catch (DateTimeParseException ignored) {
                return null;
            }
        }
    }

    /** Epoch milliseconds of the instant in {@code node}, 0 when there is none. */
    public static long epochMillis(JsonNode node) {
        Instant instant = instant(node);
        return instant == null ? 0 : instant.toEpochMilli();
    }
}
