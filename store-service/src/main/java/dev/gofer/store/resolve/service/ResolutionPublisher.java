package dev.gofer.store.resolve.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;

/**
 * Resolves a task-run attempt and publishes the outcome once: {@code task-run.ready} on {@link Topics#TASK_RUNS_READY}
 * or {@code task-run.failed} on {@link Topics#TASK_RUN_STATUS}.
 * <p>
 * After publishing, the attempt is recorded in {@code resolved_attempts} ({@link PublishedAttempts}); a record
 * delivered again (a restart re-reads what follows the last committed offset) finds it there and publishes nothing,
 * and a {@link Delivery} retried because recording failed records without publishing again. Only a crash between
 * the publish and the record can publish twice; workers recognise such a duplicate by the attempt's container, which
 * they keep for {@code gofer.scheduler.keep-exited}. Recording before publishing would close that gap at the price of
 * losing the attempt in the same crash.
 */
@ApplicationScoped
public class ResolutionPublisher {

    private static final Logger LOG = Logger.getLogger(ResolutionPublisher.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ResolutionService resolution;

    @Inject
    EventPublisher publisher;

    @Inject
    PublishedAttempts published;

    /** One delivery of a to-resolve record; run it again after a transient failure, never a second one for it. */
    public Delivery deliveryOf(TaskRunToResolve toResolve) {
        return new Delivery(toResolve);
    }

    /** Resolves, publishes and records one attempt; what it has published it remembers across its retries. */
    public final class Delivery {

        private final TaskRunToResolve toResolve;
        private String sent;

        private Delivery(TaskRunToResolve toResolve) {
            this.toResolve = toResolve;
        }

        public void run() {
            if (sent == null) {
                sent = resolveAndPublish(toResolve);
            }
            if (!sent.isEmpty()) {
                published.add(toResolve.taskRun(), toResolve.attempt(), sent);
            }
        }
    }

    /**
     * Resolves and publishes the attempt's outcome unless that was done before; answers the type of the event
     * published, or an empty string when nothing was (published before).
     */
    private String resolveAndPublish(TaskRunToResolve toResolve) {
        String key = toResolve.taskRun().key();
        if (published.contains(toResolve.taskRun(), toResolve.attempt())) {
            LOG.infof("task run %s attempt %d was resolved and published before; ignoring the record delivered again",
                    key, toResolve.attempt());
            return "";
        }
        TaskRunEvent outcome = resolution.resolve(toResolve);
        if (outcome instanceof TaskRunReady ready) {
            publisher.publishAndWait(Topics.TASK_RUNS_READY, Envelope.of(key, ready), PUBLISH_TIMEOUT);
            LOG.debugf("task run %s attempt %d resolved (%d variables)", key, ready.attempt(), ready.env().size());
            return TaskRunReady.TYPE;
        }
        if (outcome instanceof TaskRunFailed failed) {
            publisher.publishAndWait(Topics.TASK_RUN_STATUS, Envelope.of(key, failed), PUBLISH_TIMEOUT);
            LOG.infof("task run %s attempt %d cannot run: %s", key, failed.attempt(), failed.message());
            return TaskRunFailed.TYPE;
        }
        throw new IllegalStateException("unexpected resolution outcome " + outcome.getClass().getSimpleName());
    }
}
