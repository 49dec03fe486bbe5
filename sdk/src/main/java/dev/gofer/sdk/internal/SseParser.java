package dev.gofer.sdk.internal;

/**
 * Turns the lines of a {@code text/event-stream} into events, following the WHATWG "interpreting an event stream"
 * rules: {@code field: value} lines (one leading space dropped), {@code :} comments ignored, {@code data} lines joined
 * by {@code \n}, a blank line dispatches, an event without data is not dispatched. The last event id only moves when
 * an event is complete, so an event cut off by a dropped connection neither reaches the caller nor moves the resume
 * point. Not thread-safe; one per connection.
 */
public final class SseParser {

    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String eventType = "";
    private String idBuffer;
    private String lastEventId;
    private Long retryMillis;

    /** A parser whose last event id starts at {@code lastEventId} (what the connection resumed from, or null). */
    public SseParser(String lastEventId) {
        this.lastEventId = lastEventId;
        this.idBuffer = lastEventId;
    }

    /** Feeds one line without its terminator; returns the event a blank line completes, or {@code null}. */
    public SseEvent line(String line) {
        if (line.isEmpty()) {
            return dispatch();
        }
        if (line.charAt(0) == ':') {
            return null;
        }
        int colon = line.indexOf(':');
        String field = colon < 0 ? line : line.substring(0, colon);
        String value = colon < 0 ? "" : line.substring(colon + 1);
        if (value.startsWith(" ")) {
            value = value.substring(1);
        }
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> {
                if (hasData) {
                    data.append('\n');
                }
                data.append(value);
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    idBuffer = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.length() <= 9 && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
        return null;
    }

    /** The id of the last complete event ({@code null} if none), to send as {@code Last-Event-ID} when resuming. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The reconnection delay the server asked for with {@code retry:}, or {@code null}. */
    public Long retryMillis() {
        return retryMillis;
    }

    private SseEvent dispatch() {
        lastEventId = idBuffer == null || idBuffer.isEmpty() ? null : idBuffer;
        if (!hasData) {
            eventType = "";
            return null;
        }
        SseEvent event = new SseEvent(lastEventId, eventType.isEmpty() ? "message" : eventType, data.toString());
        data.setLength(0);
        hasData = false;
        eventType = "";
        return event;
    }
}
