package dev.gofer.support.messaging;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

import dev.gofer.events.InvalidEventException;
import dev.gofer.support.problem.ProblemException;
import dev.gofer.support.sql.SqlStates;

/**
 * How a consumer settles a record: it applies it, retries it, or dead-letters it. Only a record that can never be
 * applied goes to the dead-letter topic (the channel's {@code failure-strategy=dead-letter-queue} puts the reason in
 * its headers): one that does not decode or breaks the contract ({@link InvalidEventException}), one the domain
 * refuses (a {@link ProblemException} with a 4xx status, e.g. a run request for an unknown pipeline), or one the
 * database refuses as data (SQL state class 22 or 23). Any other failure (database unreachable, publish not
 * acknowledged in time) is not the record's fault: it is retried with back-off, and while the service stops it is left
 * unacknowledged, so its offset is not committed and it is delivered again after the restart. Dead-lettering it would
 * lose a run request, a status, a task run waiting to start or log lines for good.
 */
@ApplicationScoped
public class RetryOrDeadLetter {

    private static final Logger LOG = Logger.getLogger(RetryOrDeadLetter.class);
    /** SQL state classes of errors in the data itself: applying the record again would fail again. */
    private static final String DATA_EXCEPTION = "22";
    private static final String CONSTRAINT_VIOLATION = "23";
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(200);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private volatile boolean stopping;

    /** A step that applies a decoded record; it runs again after a transient failure. */
    @FunctionalInterface
    public interface Step {
        void apply();
    }

    /**
     * Applies the step (retrying transient failures) and settles the message accordingly; {@code what} names the
     * record in log lines and dead-letter reasons.
     */
    public CompletionStage<Void> settle(Message<byte[]> message, String what, Step step) {
        long backoff = FIRST_BACKOFF.toMillis();
        while (true) {
            try {
                step.apply();
                return message.ack();
            } catch (InvalidEventException e) {
                return message.nack(e);
            } catch (RuntimeException e) {
                if (e instanceof ProblemException refused && refused.isClientError()) {
                    return message.nack(refused);
                }
                String state = SqlStates.of(e);
                if (state != null && (state.startsWith(DATA_EXCEPTION) || state.startsWith(CONSTRAINT_VIOLATION))) {
                    return message.nack(new InvalidEventException(what + " cannot be stored: " + e.getMessage(), e));
                }
                if (stopping || Thread.currentThread().isInterrupted()) {
                    return leaveForRedelivery(what);
                }
                LOG.warnf("cannot apply %s, retrying in %d ms: %s", what, backoff, e.getMessage());
            }
            try {
                Thread.sleep(backoff);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return leaveForRedelivery(what);
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
        }
    }

    void onShutdown(@Observes ShutdownEvent event) {
        stopping = true;
    }

    /** Neither acknowledged nor dead-lettered: its offset stays uncommitted, so it comes again after the restart. */
    private static CompletionStage<Void> leaveForRedelivery(String what) {
        LOG.infof("stopping: %s is left for redelivery", what);
        return new CompletableFuture<>();
    }
}
