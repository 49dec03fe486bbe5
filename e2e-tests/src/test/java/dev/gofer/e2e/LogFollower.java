package dev.gofer.e2e;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import dev.gofer.e2e.SseClient.SseEvent;

/**
 * Follows a task log over SSE the way an EventSource does: when the connection drops (the api-service restarts) it
 * reconnects after a short delay with {@code Last-Event-ID} set to the last line it received, until the stream sends
 * {@code end}. Keeps every line event it received, across connections, in order of arrival.
 */
final class LogFollower implements AutoCloseable {

    static final long RECONNECT_MILLIS = 500;

    private final String streamUrl;
    private final Consumer<SseEvent> onLine;
    private final List<SseEvent> lines = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private final CompletableFuture<SseEvent> end = new CompletableFuture<>();
    private volatile String lastEventId;
    private volatile SseClient current;
    private volatile boolean closed;

    private LogFollower(String streamUrl, Consumer<SseEvent> onLine) {
        this.streamUrl = streamUrl;
        this.onLine = onLine;
    }

    /** Starts following {@code .../logs/stream} from the first line. */
    static LogFollower start(String apiUrl, String pipelineId, long runId, String taskId, Consumer<SseEvent> onLine) {
        LogFollower follower = new LogFollower(apiUrl + "/api/namespaces/default/pipelines/" + pipelineId + "/runs/"
                + runId + "/tasks/" + taskId + "/logs/stream", onLine);
        follower.connect();
        return follower;
    }

    static LogFollower start(String apiUrl, String pipelineId, long runId, String taskId) {
        return start(apiUrl, pipelineId, runId, taskId, e -> {
        });
    }

    /** Every line event received so far, over all connections. */
    List<SseEvent> lines() {
        return new ArrayList<>(lines);
    }

    int lineCount() {
        return lines.size();
    }

    /** Connections opened so far (1 + reconnections). */
    int connections() {
        return connections.get();
    }

    /** Completes with the {@code end} event. */
    CompletableFuture<SseEvent> end() {
        return end;
    }

    boolean ended() {
        return end.isDone();
    }

    @Override
    public void close() {
        closed = true;
        SseClient c = current;
        if (c != null) {
            c.close();
        }
    }

    private void connect() {
        if (closed || end.isDone()) {
            return;
        }
        connections.incrementAndGet();
        SseClient client = SseClient.connect(URI.create(streamUrl), lastEventId, this::onEvent);
        current = client;
        client.finished().whenComplete((ok, error) -> {
            if (client.lastEventId() != null) {
                lastEventId = client.lastEventId();
            }
            CompletableFuture.runAsync(this::connect,
                    CompletableFuture.delayedExecutor(RECONNECT_MILLIS, TimeUnit.MILLISECONDS));
        });
    }

    private void onEvent(SseEvent event) {
        if ("line".equals(event.event())) {
            lastEventId = event.id();
            lines.add(event);
            onLine.accept(event);
        } else if ("end".equals(event.event())) {
            end.complete(event);
        }
    }
}
