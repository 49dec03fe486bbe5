package dev.gofer.api.run.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.api.common.messaging.Channels;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.service.RunService;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.RunEvent;
import dev.gofer.events.RunRequested;
import dev.gofer.support.messaging.RetryOrDeadLetter;

/**
 * Run requests from any producer. An undecodable record, or a request for a pipeline that cannot run, goes to
 * {@code gofer.run-requests.dlq} with the reason in its headers, and consumption goes on; transient failures are
 * retried ({@link RetryOrDeadLetter}).
 */
@ApplicationScoped
public class RunRequestConsumer {

    @Inject
    RunService runs;

    @Inject
    RetryOrDeadLetter delivery;

    @Incoming(Channels.RUN_REQUESTS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        Envelope<? extends RunEvent> envelope;
        try {
            envelope = EventCodec.decode(message.getPayload(), RunEvent.class);
        } catch (InvalidEventException e) {
            return message.nack(e);
        }
        if (!(envelope.payload() instanceof RunRequested request)) {
            return message.ack();
        }
        return delivery.settle(message, "run request " + envelope.eventId(),
                () -> runs.onRunRequested(envelope.eventId(), envelope.occurredAt(), request));
    }
}
