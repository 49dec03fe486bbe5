package dev.gofer.store.resolve.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.store.common.messaging.Channels;
import dev.gofer.store.resolve.service.ResolutionPublisher;
import dev.gofer.support.messaging.RetryOrDeadLetter;

/**
 * Consumes {@code task-run.to-resolve} records; {@link ResolutionPublisher} resolves each attempt and publishes its
 * outcome once. A record that does not decode (or is not a to-resolve event) is nacked, so the channel's failure
 * strategy sends it to {@code gofer.task-runs.resolve.dlq} with the reason, and consumption goes on. Transient
 * failures (database unreachable, publish not acknowledged in time, service stopping) are retried, not
 * dead-lettered: a to-resolve record is a task run waiting to start ({@link RetryOrDeadLetter}).
 */
@ApplicationScoped
public class TaskRunResolveConsumer {

    @Inject
    ResolutionPublisher resolutions;

    @Inject
    RetryOrDeadLetter delivery;

    @Incoming(Channels.TASK_RUNS_RESOLVE_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        TaskRunToResolve toResolve;
        try {
            toResolve = decode(message.getPayload());
        } catch (InvalidEventException e) {
            return message.nack(e);
        }
        return delivery.settle(message, "task run " + toResolve.taskRun().key() + " attempt " + toResolve.attempt(),
                resolutions.deliveryOf(toResolve)::run);
    }

    /** The to-resolve event, or an {@link InvalidEventException} naming why the record does not belong here. */
    private static TaskRunToResolve decode(byte[] value) {
        Envelope<? extends TaskRunEvent> envelope = EventCodec.decode(value, TaskRunEvent.class);
        if (!(envelope.payload() instanceof TaskRunToResolve toResolve)) {
            throw new InvalidEventException("event type '" + envelope.type() + "' does not belong on "
                    + Topics.TASK_RUNS_RESOLVE + " (expected '" + TaskRunToResolve.TYPE + "')");
        }
        return toResolve;
    }
}
