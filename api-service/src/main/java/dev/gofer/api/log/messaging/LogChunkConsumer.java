package dev.gofer.api.log.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.api.common.messaging.Channels;
import dev.gofer.api.log.service.LogService;
import dev.gofer.events.EventCodec;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.LogChunk;
import dev.gofer.events.LogEvent;
import dev.gofer.support.messaging.RetryOrDeadLetter;

/**
 * Log chunks from workers, stored by (task run, attempt, seq): a redelivered chunk stores nothing twice. Once a chunk
 * has committed, the live followers of its task run on this instance are woken.
 *
 * <p>
 * Only a chunk that can never be stored goes to the dead-letter topic (undecodable, unknown task run, refused as
 * data); anything else is retried or left for redelivery ({@link RetryOrDeadLetter}), never lost.
 */
@ApplicationScoped
public class LogChunkConsumer {

    @Inject
    LogService logs;

    @Inject
    RetryOrDeadLetter delivery;

    @Incoming(Channels.TASK_RUN_LOGS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        LogChunk chunk;
        try {
            var envelope = EventCodec.decode(message.getPayload(), LogEvent.class);
            if (!(envelope.payload() instanceof LogChunk c)) {
                return message.ack();
            }
            chunk = c;
        } catch (InvalidEventException e) {
            return message.nack(e);
        }
        return delivery.settle(message, "log chunk of " + chunk.taskRun().key() + " (lines " + first(chunk) + ".."
                + last(chunk) + ")", () -> logs.append(chunk));
    }

    private static Object first(LogChunk chunk) {
        return chunk.lines().isEmpty() ? "-" : chunk.lines().get(0).seq();
    }

    private static Object last(LogChunk chunk) {
        return chunk.lines().isEmpty() ? "-" : chunk.lines().get(chunk.lines().size() - 1).seq();
    }
}
