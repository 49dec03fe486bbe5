package dev.gofer.store.run.messaging;

import java.io.IOException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.common.annotation.Blocking;

import dev.gofer.events.DomainEvent;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventHeaders;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.RunChanged;
import dev.gofer.store.common.messaging.Channels;
import dev.gofer.store.run.service.RunTracker;

/**
 * Follows {@code gofer.events} for {@code run.queued} and {@code run.completed}, the only kinds run-object expiry
 * needs. The topic is public and carries many kinds (store-service's own among them), including kinds newer than this
 * build: all of those are skipped, by the type header when there is one, else by the envelope's {@code type}. A record
 * that is not a JSON object with a {@code type}, or a run event that does not decode, throws, so the channel's failure
 * strategy copies it to {@code gofer.events.dlq} with the reason and consumption goes on.
 */
@ApplicationScoped
public class RunEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RunEventsConsumer.class);

    @Inject
    RunTracker tracker;

    @Incoming(Channels.EVENTS_IN)
    @Blocking
    public void consume(ConsumerRecord<String, byte[]> record) {
        String headerType = EventHeaders.read(record.headers(), EventHeaders.EVENT_TYPE);
        if (headerType != null && !isRunEvent(headerType)) {
            return;
        }
        String type = typeOf(record.value());
        if (!isRunEvent(type)) {
            LOG.debugf("skipping %s on %s: not a run event", type, record.topic());
            return;
        }
        DomainEvent event = EventCodec.decode(record.value(), DomainEvent.class).payload();
        RunChanged run = (RunChanged) event;
        if (RunChanged.QUEUED.equals(run.kind())) {
            tracker.queued(run.namespaceId(), run.pipelineId(), run.runId());
        } else {
            tracker.completed(run.namespaceId(), run.pipelineId(), run.runId());
        }
    }

    static boolean isRunEvent(String type) {
        return RunChanged.QUEUED.equals(type) || RunChanged.COMPLETED.equals(type);
    }

    /** The envelope's {@code type}, or an {@link InvalidEventException} when the value is not a typed envelope. */
    static String typeOf(byte[] value) {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("empty record value");
        }
        JsonNode root;
        try {
            root = EventCodec.mapper().readTree(value);
        } catch (IOException e) {
            throw new InvalidEventException("malformed JSON: " + firstLine(e.getMessage()), e);
        }
        if (root == null || !root.isObject()) {
            throw new InvalidEventException("record value is not a JSON object");
        }
        JsonNode type = root.get("type");
        if (type == null || !type.isTextual() || type.asText().isBlank()) {
            throw new InvalidEventException("field 'type' is required");
        }
        return type.asText();
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
