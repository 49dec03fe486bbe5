package dev.gofer.api.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;

import dev.gofer.api.event.persistence.EventRecord;
import dev.gofer.api.event.persistence.EventRepository;
import dev.gofer.events.DomainEvent;
import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.Topics;
import dev.gofer.support.outbox.Outbox;
import dev.gofer.support.transaction.AfterCommit;

/**
 * Records a domain event in the caller's transaction: a row for the API's event stream and an outbox row for the
 * {@code gofer.events} topic. Both exist if and only if the state change commits.
 */
@ApplicationScoped
public class DomainEvents {

    @Inject
    EventRepository events;

    @Inject
    Outbox outbox;

    @Inject
    AfterCommit afterCommit;

    @Inject
    EventHub hub;

    @Transactional(Transactional.TxType.MANDATORY)
    public void record(DomainEvent event) {
        Envelope<DomainEvent> envelope = Envelope.of(event.aggregateKey(), event);
        EventRecord row = new EventRecord();
        row.eventId = envelope.eventId();
        row.type = envelope.type();
        row.recordKey = envelope.key();
        row.emitted = envelope.occurredAt().toEpochMilli();
        try {
            row.payload = EventCodec.mapper().writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        events.persist(row);
        outbox.enqueue(Topics.EVENTS, envelope);
        afterCommit.run(hub::signal);
    }
}
