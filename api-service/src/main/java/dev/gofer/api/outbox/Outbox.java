package dev.gofer.api.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.api.common.persistence.AfterCommit;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;

/**
 * Writes events into the outbox in the caller's transaction, so they exist if and only if the state change commits;
 * wakes the relay once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, Envelope<?> envelope) {
        OutboxRow row = new OutboxRow();
        row.topic = topic;
        row.recordKey = envelope.key();
        row.eventId = envelope.eventId();
        row.envelope = EventCodec.encode(envelope);
        row.created = System.currentTimeMillis();
        row.persist();
        afterCommit.run(relay::wake);
    }
}
