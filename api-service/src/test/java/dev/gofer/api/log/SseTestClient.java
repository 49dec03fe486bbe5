package dev.gofer.api.log;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;

import dev.gofer.api.token.AdminTokenForTests;

/**
 * A server-sent-events reader over java.net.http: the body arrives line by line through a {@link Flow.Subscriber}
 * (no blocked thread), events are parsed as an EventSource would ({@code :} comments skipped, {@code id},
 * {@code event}, {@code data}; a blank line dispatches). {@link #close()} or {@code closeAfterLines} cancels the
 * subscription, which drops the connection, as a client that goes away would.
 */
final class SseTestClient implements AutoCloseable {

    /** One dispatched event; {@code id} is the last event id at that point (SSE keeps it across events). */
    record SseEvent(String id, String event, String data) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<SseEvent> events = new CopyOnWriteArrayList<>();
    private final int closeAfterLines;
    private volatile Flow.Subscription subscription;
    private volatile int status;
    private volatile boolean completed;
    private volatile Throwable error;
    private volatile boolean cancelled;
    private volatile String lastEventId;
    private int lines;
    // Parser state, touched only by the subscriber's (serial) callbacks.
    private String id;
    private String event = "";
    private StringBuilder data;

    private SseTestClient(int closeAfterLines, String lastEventId) {
        this.closeAfterLines = closeAfterLines;
        this.lastEventId = lastEventId;
        this.id = lastEventId;
    }

    /** Connects; {@code lastEventId} may be null. Cancels itself after {@code closeAfterLines} lines (0: never). */
    static SseTestClient connect(URI uri, String lastEventId, int closeAfterLines) {
        SseTestClient client = new SseTestClient(closeAfterLines, lastEventId);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + AdminTokenForTests.admin()).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HTTP.sendAsync(request.build(), info -> {
            client.status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(client.new Lines());
        }).whenComplete((response, failure) -> {
            if (failure != null && client.error == null) {
                client.error = failure;
            }
        });
        return client;
    }

    static SseTestClient connect(URI uri) {
        return connect(uri, null, 0);
    }

    List<SseEvent> events() {
        return List.copyOf(events);
    }

    List<SseEvent> lineEvents() {
        return events.stream().filter(e -> "line".equals(e.event())).toList();
    }

    int status() {
        return status;
    }

    /** The server ended the response. */
    boolean completed() {
        return completed;
    }

    /** The connection is over: ended by the server, broken, or cancelled by this client. */
    boolean done() {
        return completed || cancelled || error != null;
    }

    String lastEventId() {
        return lastEventId;
    }

    @Override
    public void close() {
        cancelled = true;
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    private final class Lines implements Flow.Subscriber<String> {

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            if (cancelled) {
                s.cancel();
            } else {
                s.request(Long.MAX_VALUE);
            }
        }

        @Override
        public void onNext(String line) {
            if (cancelled) {
                return;
            }
            if (line.isEmpty()) {
                dispatch();
                return;
            }
            if (line.startsWith(":")) {
                return;
            }
            int colon = line.indexOf(':');
            String field = colon < 0 ? line : line.substring(0, colon);
            String value = colon < 0 ? "" : line.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
            switch (field) {
                case "id" -> id = value;
                case "event" -> event = value;
                case "data" -> data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                default -> {
                    // retry and unknown fields
                }
            }
        }

        private void dispatch() {
            lastEventId = id;
            if (data != null) {
                events.add(new SseEvent(id, event.isEmpty() ? "message" : event, data.toString()));
                if ("line".equals(event) && ++lines == closeAfterLines) {
                    close();
                }
            }
            event = "";
            data = null;
        }

        @Override
        public void onError(Throwable throwable) {
            error = throwable;
        }

        @Override
        public void onComplete() {
            completed = true;
        }
    }
}
