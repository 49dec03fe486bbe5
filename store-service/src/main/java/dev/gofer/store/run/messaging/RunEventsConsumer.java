package dev.gofer.store.run.messaging;

import java.io.IOException;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;

import dev.gofer.events.DomainEvent;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventHeaders;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.RunChanged;
import dev.gofer.store.common.messaging.Channels;
import dev.gofer.store.run.service.RunTracker;
import dev.gofer.support.messaging.RetryOrDeadLetter;

/**
 * Follows {@code gofer.events} for {@code run.queued} and {@code run.completed}, the only kinds run-object expiry
 * needs. The topic is public and carries many kinds (store-service's own among them), including kinds newer than this
 * build: all of those are skipped, by the type header when there is one, else by the envelope's {@code type}. A record
 * that is not a JSON object with a {@code type}, or a run event that does not decode, is nacked, so the channel's
 * failure strategy copies it to {@code gofer.events.dlq} with the reason and consumption goes on. Transient failures
 * (database unreachable, service stopping) are retried, not dead-lettered: a lost run event would keep that run's
 * objects, or count a run too few, for good ({@link RetryOrDeadLetter}).
 */
@ApplicationScoped
public class RunEventsConsumer {

    private static final Logger LOG = Logger.getLogger(RunEventsConsumer.class);

    @Inject
    RunTracker tracker;

    @Inject
    RetryOrDeadLetter delivery;

    @Incoming(Channels.EVENTS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        String headerType = headerType(message);
        if (headerType != null && !isRunEvent(headerType)) {
            return message.ack();
        }
        DomainEvent event;
        try {
            String type = typeOf(message.getPayload());
            if (!isRunEvent(type)) {
                LOG.debugf("skipping %s on %s: not a run event", type, topic(message));
                return message.ack();
            }
            event = EventCodec.decode(message.getPayload(), DomainEvent.class).payload();
        } catch (InvalidEventException e) {
            return message.nack(e);
        }
        if (!(event instanceof RunChanged run)) {
            return message.nack(new InvalidEventException("run event decoded as " + event.getClass().getSimpleName()));
        }
        return delivery.settle(message, run.kind() + " of run " + run.namespaceId() + "/" + run.pipelineId() + "#"
                + run.runId(), () -> track(run));
    }

    private void track(RunChanged run) {
        if (RunChanged.QUEUED.equals(run.kind())) {
            tracker.queued(run.namespaceId(), run.pipelineId(), run.runId());
        } else {
            tracker.completed(run.namespaceId(), run.pipelineId(), run.runId());
        }
    }

    /** The event type header of the Kafka record behind the message, or null when absent. */
    private static String headerType(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class)
                .map(IncomingKafkaRecordMetadata::getHeaders)
                .map(headers -> EventHeaders.read(headers, EventHeaders.EVENT_TYPE)).orElse(null);
    }

    private static String topic(Message<byte[]> message) {
        return message.getMetadata(IncomingKafkaRecordMetadata.class).map(IncomingKafkaRecordMetadata::getTopic)
                .orElse("?");
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
