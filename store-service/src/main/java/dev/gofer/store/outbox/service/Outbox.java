package dev.gofer.store.outbox.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.events.DomainEvent;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.Topics;
import dev.gofer.store.common.persistence.AfterCommit;
import dev.gofer.store.outbox.persistence.OutboxRepository;
import dev.gofer.store.outbox.persistence.OutboxRow;

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
        row.setTopic(topic);
        row.setRecordKey(envelope.key());
        row.setEventId(envelope.eventId());
        row.setEnvelope(EventCodec.encode(envelope));
        row.setCreated(System.currentTimeMillis());
        repository.persist(row);
        afterCommit.run(relay::wake);
    }
}
