package dev.gofer.api.lease.messaging;

import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.api.common.messaging.Channels;
import dev.gofer.api.lease.service.LeaseService;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.WorkerEvent;
import dev.gofer.events.WorkerHeartbeat;
import dev.gofer.support.messaging.RetryOrDeadLetter;

/**
 * Worker heartbeats: each renews the leases of the running attempts it lists. Every api instance reads every
 * heartbeat (a consumer group per instance, {@code gofer-api-leases-<uuid>}), so leases keep being renewed while an
 * instance dies and its partitions would otherwise wait for a rebalance; heartbeats never wait behind status or log
 * records. A record that does not decode
 * goes to the dead-letter topic; transient failures are retried ({@link RetryOrDeadLetter}).
 */
@ApplicationScoped
public class WorkerHeartbeatConsumer {

    @Inject
    LeaseService leases;

    @Inject
    RetryOrDeadLetter delivery;

    @Incoming(Channels.WORKER_HEARTBEATS_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        Envelope<? extends WorkerEvent> envelope;
        try {
            envelope = EventCodec.decode(message.getPayload(), WorkerEvent.class);
        } catch (InvalidEventException e) {
            return message.nack(e);
        }
        if (!(envelope.payload() instanceof WorkerHeartbeat heartbeat)) {
            return message.ack();
        }
        return delivery.settle(message, "heartbeat of worker " + heartbeat.workerId(), () -> leases.renew(heartbeat));
    }
}
