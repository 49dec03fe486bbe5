package dev.gofer.store.common.messaging;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;

import dev.gofer.events.InvalidEventException;
import dev.gofer.store.common.service.StoreException;

/**
 * How store-service's consumers settle a record. Only a record that can never be applied goes to the dead-letter
 * topic: one that does not decode or breaks the contract ({@link InvalidEventException}), one the domain refuses
 * ({@link StoreException}), or one the database refuses as data. Any other failure (database unreachable, publish timed out, service stopping) is not the record's fault: it
 * is retried with back-off, and while the service stops it is left unacknowledged, so its offset is not committed and
 * it is delivered again after the restart. Dead-lettering it would lose a task run waiting to start, or a run event
 * that run-object expiry counts on, for good.
 */
@ApplicationScoped
public class DeliveryPolicy {

    private static final Logger LOG = Logger.getLogger(DeliveryPolicy.class);
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

    /** Applies the step (retrying transient failures) and settles the message accordingly. */
    public CompletionStage<Void> settle(Message<byte[]> message, String what, Step step) {
        long backoff = FIRST_BACKOFF.toMillis();
        while (true) {
            try {
                step.apply();
                return message.ack();
            } catch (InvalidEventException | StoreException e) {
                return message.nack(e);
            } catch (RuntimeException e) {
                String state = sqlState(e);
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

    /** The SQL state of the first database error behind the failure, if any. */
    static String sqlState(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                for (SQLException s = sql; s != null; s = s.getNextException()) {
                    if (s.getSQLState() != null) {
                        return s.getSQLState();
                    }
                }
            }
        }
        return null;
    }
}
