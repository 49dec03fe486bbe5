package dev.gofer.support.outbox;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.Scheduled;

import dev.gofer.events.EventCodec;
import dev.gofer.events.EventPublisher;
import dev.gofer.support.work.CoalescingWorker;

/**
 * Publishes committed outbox rows in id order with the idempotent producer and deletes them once the broker has
 * acknowledged them. Runs right after each commit that wrote a row and from a sweep ({@code gofer.outbox.sweep}, 1 s)
 * that picks up anything a crash or a broker outage left behind. Rows are claimed with {@code FOR UPDATE SKIP LOCKED},
 * so several instances of a service never publish the same row at the same time; a crash between publish and delete
 * publishes again, and consumers dedupe on the event id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final int BATCH = 200;
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    OutboxRepository repository;

    @Inject
    EventPublisher publisher;

    private final CoalescingWorker worker = new CoalescingWorker("outbox-relay", this::drain);

    /** Asks for a drain soon; cheap and idempotent. */
    public void wake() {
        worker.wake();
    }

    @Scheduled(every = "${gofer.outbox.sweep:1s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sweep() {
        wake();
    }

    private void drain() {
        try {
            while (!worker.isStopped() && publishBatch() == BATCH) {
                // more rows are waiting
            }
        } catch (RuntimeException e) {
            LOG.warnf("outbox relay will retry: %s", e.getMessage());
        }
    }

    /** Publishes up to one batch; returns how many rows it published. */
    int publishBatch() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxRow> rows = repository.claimBatch(BATCH);
            if (rows.isEmpty()) {
                return 0;
            }
            List<CompletableFuture<?>> acks = new ArrayList<>(rows.size());
            for (OutboxRow row : rows) {
                acks.add(publisher.publish(row.topic, EventCodec.decode(row.envelope)));
            }
            CompletableFuture.allOf(acks.toArray(CompletableFuture[]::new)).get(ACK_TIMEOUT.toMillis(),
                    TimeUnit.MILLISECONDS);
            repository.deleteByIds(rows.stream().map(r -> r.id).toList());
            return rows.size();
        });
    }

    /** Rows still waiting at shutdown stay in the table; the next instance to start publishes them. */
    void onShutdown(@Observes ShutdownEvent shutdown) {
        worker.stop();
    }

    @PreDestroy
    void stop() {
        worker.stop();
    }
}
