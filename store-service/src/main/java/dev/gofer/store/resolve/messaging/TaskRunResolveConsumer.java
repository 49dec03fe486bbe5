package dev.gofer.store.resolve.messaging;

import java.time.Duration;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.smallrye.reactive.messaging.annotations.Blocking;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.InvalidEventException;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.store.common.messaging.Channels;
import dev.gofer.store.resolve.service.PublishedAttempts;
import dev.gofer.store.resolve.service.ResolutionService;
import dev.gofer.support.messaging.RetryOrDeadLetter;

/**
 * Consumes {@code task-run.to-resolve} records and publishes the outcome: {@code task-run.ready} on
 * {@link Topics#TASK_RUNS_READY} or {@code task-run.failed} on {@link Topics#TASK_RUN_STATUS}. A record that does
 * not decode (or is not a to-resolve event) is nacked, so the channel's failure strategy sends it to
 * {@code gofer.task-runs.resolve.dlq} with the reason, and consumption goes on. Transient failures (database
 * unreachable, publish not acknowledged in time, service stopping) are retried, not dead-lettered: a to-resolve record
 * is a task run waiting to start ({@link RetryOrDeadLetter}).
 * <p>
 * Each attempt's outcome is published once: after publishing, the attempt is recorded in {@code resolved_attempts},
 * and a record delivered again (a restart re-reads what follows the last committed offset) finds it there and
 * publishes nothing (a failure to record it is retried without publishing again). Only a crash between the publish
 * and the record can publish twice; workers recognise such a duplicate by the attempt's container, which they keep
 * for {@code gofer.scheduler.keep-exited}. Recording before publishing would close that gap at the price of losing
 * the attempt in the same crash.
 */
@ApplicationScoped
public class TaskRunResolveConsumer {

    private static final Logger LOG = Logger.getLogger(TaskRunResolveConsumer.class);
    private static final Duration PUBLISH_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    ResolutionService resolution;

    @Inject
    EventPublisher publisher;

    @Inject
    PublishedAttempts published;

    @Inject
    RetryOrDeadLetter delivery;

    @Incoming(Channels.TASK_RUNS_RESOLVE_IN)
    @Blocking
    public CompletionStage<Void> consume(Message<byte[]> message) {
        TaskRunToResolve toResolve;
        try {
            toResolve = decode(message.getPayload());
        } catch (InvalidEventException e) {
            return message.nack(e);
        }
        // A retry after the publish went out (recording it failed) only records it: the outcome is not sent twice.
        String[] sent = new String[1];
        return delivery.settle(message,
                "task run " + toResolve.taskRun().key() + " attempt " + toResolve.attempt(), () -> {
                    if (sent[0] == null) {
                        sent[0] = resolveAndPublish(toResolve);
                    }
                    if (!sent[0].isEmpty()) {
                        published.add(toResolve.taskRun(), toResolve.attempt(), sent[0]);
                    }
                });
    }

    /** The to-resolve event, or an {@link InvalidEventException} naming why the record does not belong here. */
    private static TaskRunToResolve decode(byte[] value) {
        Envelope<? extends TaskRunEvent> envelope = EventCodec.decode(value, TaskRunEvent.class);
        if (!(envelope.payload() instanceof TaskRunToResolve toResolve)) {
            throw new InvalidEventException("event type '" + envelope.type() + "' does not belong on "
                    + Topics.TASK_RUNS_RESOLVE + " (expected '" + TaskRunToResolve.TYPE + "')");
        }
        return toResolve;
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
