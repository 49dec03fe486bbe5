package dev.gofer.api.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;

/**
 * Writes events into the outbox in the caller's transaction, so they exist if and only if the state change commits;
 * wakes the relay once the transaction has committed.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    TransactionSynchronizationRegistry transactions;

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
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    relay.wake();
                }
            }
        });
    }
}
