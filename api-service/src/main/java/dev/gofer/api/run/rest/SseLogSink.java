package dev.gofer.api.run.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

import dev.gofer.api.run.service.LogService.LogLineView;
import dev.gofer.api.run.service.LogService.TaskLog;
import dev.gofer.api.run.service.LogSink;

/**
 * A log follower's output as server-sent events: a first comment with the {@code retry} hint, sent from the request's
 * own thread so that the response head is written before anything else; then {@code id: <seq>},
 * {@code event: line}, data {@code {"seq","stream","text","at"}}; a comment to keep the stream alive;
 * {@code event: end} with data {@code {"lines"}} before closing.
 *
 * <p>
 * Events are built (JSON included) on the follower's thread and written in one go on the request's event loop: a
 * page of lines costs one hand-over between threads, not one per line.
 */
final class SseLogSink implements LogSink {

    private final SseEventSink sink;
    private final Sse sse;
    private final ObjectMapper json;
    private final Context context;

    SseLogSink(SseEventSink sink, Sse sse, ObjectMapper json) {
        this.sink = sink;
        this.sse = sse;
        this.json = json;
        this.context = Vertx.currentContext();
    }

    @Override
    public void open(TaskLog log, long after) {
        sink.send(sse.newEventBuilder().comment("log of " + log.taskRun().key() + " after line " + after)
                .reconnectDelay(LogResource.RECONNECT_MILLIS).build());
    }

    @Override
    public CompletionStage<?> lines(List<LogLineView> lines) {
        List<OutboundSseEvent> events = new ArrayList<>(lines.size());
        for (LogLineView line : lines) {
            events.add(sse.newEventBuilder().id(Long.toString(line.seq())).name("line").data(write(line)).build());
        }
        return send(events);
    }

    @Override
    public CompletionStage<?> keepAlive() {
        return send(List.of(sse.newEventBuilder().comment("keep-alive").build()));
    }

    @Override
    public void end(long lines) {
        send(List.of(sse.newEventBuilder().name("end").data(write(Map.of("lines", lines))).build()))
                .whenComplete((ok, error) -> close());
    }

    @Override
    public void close() {
        onContext(sink::close);
    }

    @Override
    public boolean isClosed() {
        return sink.isClosed();
    }

    /** Writes the events in order on the request's context; completes when the last is written. */
    private CompletionStage<?> send(List<OutboundSseEvent> events) {
        CompletableFuture<Object> written = new CompletableFuture<>();
        onContext(() -> {
            try {
                CompletionStage<?> last = null;
                for (OutboundSseEvent event : events) {
                    if (sink.isClosed()) {
                        throw new IllegalStateException("the client has gone");
                    }
                    last = sink.send(event);
                }
                last.whenComplete((ok, error) -> {
                    if (error != null) {
                        written.completeExceptionally(error);
                    } else {
                        written.complete(ok);
                    }
                });
            } catch (RuntimeException e) {
                written.completeExceptionally(e);
            }
        });
        return written;
    }

    private void onContext(Runnable action) {
        if (context == null) {
            action.run();
        } else {
            context.runOnContext(v -> action.run());
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a log event", e);
        }
    }
}
