package dev.gofer.api.log.rest;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerResponse;

import dev.gofer.api.log.service.LogService.LogLineView;
import dev.gofer.api.log.service.LogService.TaskLog;
import dev.gofer.api.log.service.LogSink;

/**
 * A log follower's output as server-sent events: a first comment with the {@code retry} hint, sent from the request's
 * own thread so that the response head is written before anything else; then {@code id: <seq>},
 * {@code event: line}, data {@code {"seq","stream","text","at"}}; a comment to keep the stream alive;
 * {@code event: end} with data {@code {"lines"}} before closing.
 *
 * <p>
 * The head, the first comment, keep-alives, the end and closing go through the JAX-RS {@link SseEventSink}, which
 * owns the response. A page of lines does not: sent event by event it cost one write and flush per line on the event
 * loop (a 10,000-line replay took several times as long as the plain download). Its frames are built (JSON included)
 * on the follower's thread, in the sink's own wire format ({@code id:<seq>\nevent:line\ndata:<json>\n\n}), and go
 * out as one write of the request's Vert.x response, on the request's context so that they keep their place between
 * the sink's events.
 */
final class SseLogSink implements LogSink {

    private final SseEventSink sink;
    private final Sse sse;
    private final HttpServerResponse response;
    private final ObjectMapper json;
    private final Context context;

    SseLogSink(SseEventSink sink, Sse sse, HttpServerResponse response, ObjectMapper json) {
        this.sink = sink;
        this.sse = sse;
        this.response = response;
        this.json = json;
        this.context = Vertx.currentContext();
    }

    @Override
    public void open(TaskLog log, long after) {
        sink.send(sse.newEventBuilder().comment("log of " + log.taskRun().key() + " after line " + after)
                .reconnectDelay(LogResource.RECONNECT_MILLIS).build());
    }

    /**
     * Jackson escapes every control character inside JSON strings, so a line's data is one {@code data:} field
     * whatever its text holds.
     */
    @Override
    public CompletionStage<?> lines(List<LogLineView> lines) {
        StringBuilder frames = new StringBuilder(lines.size() * 128);
        for (LogLineView line : lines) {
            frames.append("id:").append(line.seq()).append("\nevent:line\ndata:").append(write(line)).append("\n\n");
        }
        Buffer page = Buffer.buffer(frames.toString());
        return whenWritten(() -> response.write(page).toCompletionStage());
    }

    @Override
    public CompletionStage<?> keepAlive() {
        return send(sse.newEventBuilder().comment("keep-alive").build());
    }

    @Override
    public void end(long lines) {
        send(sse.newEventBuilder().name("end").data(write(Map.of("lines", lines))).build())
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

    private CompletionStage<?> send(OutboundSseEvent event) {
        return whenWritten(() -> sink.send(event));
    }

    /** Runs a write on the request's context unless the client has gone; completes when it is written. */
    private CompletionStage<?> whenWritten(Supplier<CompletionStage<?>> write) {
        CompletableFuture<Object> written = new CompletableFuture<>();
        onContext(() -> {
            try {
                if (sink.isClosed()) {
                    throw new IllegalStateException("the client has gone");
                }
                write.get().whenComplete((ok, error) -> {
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
