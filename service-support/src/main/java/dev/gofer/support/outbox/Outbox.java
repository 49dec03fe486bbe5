package dev.gofer.support.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.events.DomainEvent;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.Topics;
import dev.gofer.support.transaction.AfterCommit;

/**
 * Writes events into the outbox in the caller's transaction, so they exist if and only if the state change commits;
 * wakes the relay once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    OutboxRepository repository;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    /** A public domain event for {@link Topics#EVENTS}, keyed by its aggregate. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DomainEvent event) {
        enqueue(Topics.EVENTS, Envelope.of(event.aggregateKey(), event));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void enqueue(String topic, Envelope<?> envelope) {
        OutboxRow row = new OutboxRow();
        row.topic = topic;
        row.recordKey = envelope.key();
        row.eventId = envelope.eventId();
        row.envelope = EventCodec.encode(envelope);
        row.created = System.currentTimeMillis();
        repository.persist(row);
        afterCommit.run(relay::wake);
    }
}
