package dev.gofer.trigger.interval.service;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.gofer.events.EventPublisher;
import dev.gofer.events.Initiator;
import dev.gofer.events.RunRequested;
import dev.gofer.trigger.common.service.RunRequestPublisher;
import dev.gofer.trigger.subscription.persistence.SubscriptionEntity;
import dev.gofer.trigger.subscription.persistence.SubscriptionRepository;
import dev.gofer.trigger.subscription.service.SubscriptionStatus;

/**
 * Fires one batch of due interval subscriptions in one transaction: lock them ({@code FOR UPDATE SKIP LOCKED}, so
 * instances never fire the same row), publish a run request per row, move each row's {@code next_fire_at} past now,
 * commit. A crash after publishing and before committing republishes the same fire under the same event id, which
 * api-service dedupes.
 */
@ApplicationScoped
public class IntervalFirer {

    private static final Logger LOG = Logger.getLogger(IntervalFirer.class);

    private final SubscriptionRepository repository;
    private final RunRequestPublisher publisher;
    private final IntervalTrigger trigger;

    public IntervalFirer(SubscriptionRepository repository, RunRequestPublisher publisher, IntervalTrigger trigger) {
        this.repository = repository;
        this.publisher = publisher;
        this.trigger = trigger;
    }

    /** The event id of one fire: the same for every attempt at it, different for every due time. */
    public static String eventId(String namespaceId, String pipelineId, String subscriptionId, Instant due) {
        return IntervalTrigger.KIND + ":" + namespaceId + "/" + pipelineId + "/" + subscriptionId + ":"
                + due.toEpochMilli();
    }

    /**
     * Fires up to {@code limit} due subscriptions.
     *
     * @return how many were fired; fewer than {@code limit} when no more are due or the broker failed
     */
    @Transactional
    public int fireDue(int limit) {
        List<SubscriptionEntity> due = repository.lockDue(IntervalTrigger.KIND, Instant.now(), limit);
        int fired = 0;
        for (SubscriptionEntity s : due) {
            Duration every;
            try {
                every = trigger.every(s.settings);
            } catch (IllegalArgumentException e) {
                s.broken(SubscriptionStatus.ERROR.wire(),
                        "settings.every is not a duration: " + s.settings.get(IntervalTrigger.EVERY), now());
                continue;
            }
            Instant dueAt = s.nextFireAt;
            RunRequested request = new RunRequested(s.namespaceId, s.pipelineId, s.variables,
                    new Initiator("trigger", IntervalTrigger.KIND + "/" + s.subscriptionId));
            try {
                publisher.publish(eventId(s.namespaceId, s.pipelineId, s.subscriptionId, dueAt),
                        request);
            } catch (EventPublisher.PublishException e) {
                // Keep what was fired so far; this row stays due and is retried (same event id) by the next sweep.
                LOG.warnf("cannot fire %s/%s %s/%s: %s", s.namespaceId, s.pipelineId, IntervalTrigger.KIND,
                        s.subscriptionId, e.getMessage());
                return 0;
            }
            Instant now = now();
            s.fired(now, IntervalSchedule.nextAfter(dueAt, every, now));
            fired++;
        }
        return fired;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }
}
