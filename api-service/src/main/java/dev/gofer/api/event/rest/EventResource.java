package dev.gofer.api.event.rest;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.gofer.api.ApiException;
import dev.gofer.api.event.service.EventHub;
import dev.gofer.api.event.service.EventStream;
import dev.gofer.api.event.service.EventStream.EventView;
import dev.gofer.events.EventCodec;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;
import dev.gofer.support.problem.FieldError;
import dev.gofer.support.work.CoalescingWorker;

@Path("/api/events")
public class EventResource {

    private static final Logger LOG = Logger.getLogger(EventResource.class);
    private static final int PAGE = 200;
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(15);

    @Inject
    EventStream stream;

    @Inject
    EventHub hub;

    private final ExecutorService followers = Executors
            .newCachedThreadPool(CoalescingWorker.daemonThreads("event-stream"));

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Stream domain events (SSE): history after an event id or since a time, then live", description = "Each event: id = stream position, event = type, data = {id, event_id, type, key,"
            + " emitted, payload}. Resume with Last-Event-ID or ?after=. follow=false ends after history.")
    @Requires(value = ResourceKind.EVENTS, action = Action.READ)
    public void stream(@QueryParam("after") Long after, @QueryParam("since") String since,
            @QueryParam("follow") Boolean follow, @HeaderParam("Last-Event-ID") String lastEventId,
            @Context SseEventSink sink, @Context Sse sse) {
        long start = startPosition(after, since, lastEventId);
        boolean live = follow == null || follow;
        followers.execute(() -> pump(start, live, sink, sse));
    }

    private long startPosition(Long after, String since, String lastEventId) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            try {
                return Long.parseLong(lastEventId.trim());
            } catch (NumberFormatException e) {
                throw ApiException.invalid("Invalid stream position",
                        List.of(new FieldError("Last-Event-ID", "must be an event id from this stream")));
            }
        }
        if (after != null) {
            return after;
        }
        if (since != null) {
            try {
                return stream.positionBefore(Instant.parse(since));
            } catch (DateTimeParseException e) {
                throw ApiException.invalid("Invalid stream position",
                        List.of(new FieldError("since", "must be an ISO-8601 instant, e.g. 2026-11-28T09:00:00Z")));
            }
        }
        return stream.positionBefore(Instant.now());
    }

    private void pump(long start, boolean live, SseEventSink sink, Sse sse) {
        long position = start;
        long lastSent = System.nanoTime();
        try (sink) {
            while (!sink.isClosed()) {
                long seen = hub.generation();
                List<EventView> page = stream.after(position, PAGE);
                for (EventView event : page) {
                    sink.send(toSse(sse, event)).toCompletableFuture().join();
                    position = event.id();
                    lastSent = System.nanoTime();
                }
                if (page.size() == PAGE) {
                    continue;
                }
                if (!live) {
                    return;
                }
                if (System.nanoTime() - lastSent > KEEP_ALIVE.toNanos()) {
                    sink.send(sse.newEventBuilder().comment("keep-alive").build()).toCompletableFuture().join();
                    lastSent = System.nanoTime();
                }
                hub.await(seen, POLL);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debugf("event stream ended: %s", e.getMessage());
        }
    }

    private static OutboundSseEvent toSse(Sse sse, EventView event) {
        try {
            return sse.newEventBuilder().id(Long.toString(event.id())).name(event.type())
                    .data(EventCodec.mapper().writeValueAsString(event))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        followers.shutdownNow();
    }
}
