package dev.gofer.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * One server-sent-events connection over java.net.http: the body arrives line by line through a
 * {@link Flow.Subscriber} (no blocked thread) and is parsed as an EventSource would ({@code :} comments skipped;
 * {@code id}, {@code event}, {@code data}; a blank line dispatches; the last event id only moves with a complete
 * event). {@link #close()} cancels the subscription, which drops the connection.
 */
final class SseClient implements AutoCloseable {

    /** One dispatched event; {@code id} is the last event id at that point; {@code receivedAt} epoch ms. */
    record SseEvent(String id, String event, String data, long receivedAt) {
    }

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private final List<SseEvent> events = new CopyOnWriteArrayList<>();
    private final Consumer<SseEvent> listener;
    private final CompletableFuture<Boolean> finished = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile int status;
    private volatile boolean cancelled;
    private volatile String lastEventId;
    // Parser state, touched only by the subscriber's (serial) callbacks.
    private String id;
    private String event = "";
    private StringBuilder data;

    private SseClient(String lastEventId, Consumer<SseEvent> listener) {
        this.lastEventId = lastEventId;
        this.id = lastEventId;
        this.listener = listener;
    }

    /** Connects, resuming after {@code lastEventId} if not null; every event also goes to {@code listener}. */
    static SseClient connect(URI uri, String lastEventId, Consumer<SseEvent> listener) {
        SseClient client = new SseClient(lastEventId, listener);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream")
                .header("Authorization", "Bearer " + Stack.get().adminToken()).GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HTTP.sendAsync(request.build(), info -> {
            client.status = info.statusCode();
            return HttpResponse.BodySubscribers.fromLineSubscriber(client.new Lines());
        }).whenComplete((response, failure) -> client.finished.complete(failure == null && !client.cancelled));
        return client;
    }

    List<SseEvent> events() {
        return List.copyOf(events);
    }

    int status() {
        return status;
    }

    /** Completes when the connection is over: {@code true} if the server ended the response normally. */
    CompletableFuture<Boolean> finished() {
        return finished;
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
        finished.complete(false);
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
                SseEvent e = new SseEvent(id, event.isEmpty() ? "message" : event, data.toString(),
                        System.currentTimeMillis());
                events.add(e);
                listener.accept(e);
            }
            event = "";
            data = null;
        }

        @Override
        public void onError(Throwable throwable) {
            finished.complete(false);
        }

        @Override
        public void onComplete() {
            finished.complete(!cancelled);
        }
    }
}
