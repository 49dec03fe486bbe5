package dev.gofer.store.resolve.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import dev.gofer.events.TaskRunRef;
import dev.gofer.store.common.config.StoreConfig;
import dev.gofer.store.resolve.persistence.ResolvedAttemptRepository;

/**
 * The task-run attempts whose resolution was published ({@code task-run.ready} or {@code task-run.failed}), so that
 * a to-resolve record delivered again publishes nothing. Remembered for {@code gofer.store.resolved-attempt-retention}
 * (7 days: Kafka's default retention of committed offsets, beyond which a restart would not deliver a record again).
 */
@ApplicationScoped
public class PublishedAttempts {

    private static final Logger LOG = Logger.getLogger(PublishedAttempts.class);

    @Inject
    ResolvedAttemptRepository resolved;

    @Inject
    StoreConfig config;

    public boolean contains(TaskRunRef ref, int attempt) {
        return resolved.isPublished(ref, attempt);
    }

    /** Remembers that the outcome (its event type) of the attempt was published. */
    public void add(TaskRunRef ref, int attempt, String outcomeType) {
        resolved.recordPublished(ref, attempt, outcomeType, System.currentTimeMillis());
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void forgetOld() {
        long cutoff = System.currentTimeMillis() - config.resolvedAttemptRetention().toMillis();
        int gone = resolved.deletePublishedBefore(cutoff);
        if (gone > 0) {
            LOG.debugf("forgot %d resolved attempts older than %s", gone, config.resolvedAttemptRetention());
        }
    }
}
