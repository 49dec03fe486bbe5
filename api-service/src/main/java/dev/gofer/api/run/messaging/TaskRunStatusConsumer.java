package dev.gofer.api.run.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.api.common.messaging.Channels;
import dev.gofer.api.run.service.TaskRunStatusHandler;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.support.messaging.RetryOrDeadLetter;

/**
 * Task-run status from store-service and workers; each event advances the run's DAG. Transient failures are retried
 * and never dead-lettered ({@link RetryOrDeadLetter}): a lost exit would leave a task run running forever.
 */
@ApplicationScoped
public class TaskRunStatusConsumer {

    @Inject
    TaskRunStatusHandler statusHandler;

    @Inject
    RetryOrDeadLetter delivery;

    @Incoming(Channels.TASK_RUN_STATUS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        Envelope<? extends TaskRunEvent> envelope;
        try {
            envelope = EventCodec.decode(message.getPayload(), TaskRunEvent.class);
        } catch (InvalidEventException e) {
            return message.nack(e);
        }
        return delivery.settle(message, envelope.type() + " of " + envelope.key(),
                () -> statusHandler.onStatus(envelope.eventId(), envelope.occurredAt().toEpochMilli(),
                        envelope.payload()));
    }
}
