package dev.gofer.sdk.internal;

/**
 * One dispatched server-sent event.
 *
 * @param id the last event id at the time it was dispatched ({@code null} when the server never sent one)
 * @param event the event type ({@code message} when the server did not name one)
 * @param data the data lines joined by {@code \n}
 */
public record SseEvent(String id, String event, String data) {
}
