package dev.gofer.support.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.ShutdownEvent;

import dev.gofer.events.InvalidEventException;
import dev.gofer.support.problem.ProblemException;

class RetryOrDeadLetterTest {

    private final RetryOrDeadLetter policy = new RetryOrDeadLetter();
    private final RecordingMessage recorded = new RecordingMessage();
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void shouldRetryAndAckWhenDatabaseIsBrieflyUnreachable() {
        CompletionStage<Void> stage = policy.settle(recorded.message, "run request 1", () -> {
            if (runs.incrementAndGet() <= 2) {
                throw new IllegalStateException("cannot connect", new SQLException("connection refused", "08001"));
            }
        });

        assertThat(runs).hasValue(3);
        assertThat(recorded.acks).hasValue(1);
        assertThat(recorded.nacked).hasValue(null);
        assertThat(stage.toCompletableFuture()).isCompleted();
    }

    @Test
    void shouldNackWithoutRetryWhenDatabaseRefusesTheData() {
        policy.settle(recorded.message, "task run ns/p#1 attempt 1", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("duplicate key", new SQLException("duplicate key value", "23505"));
        });

        assertThat(runs).hasValue(1);
        assertThat(recorded.acks).hasValue(0);
        assertThat(recorded.nacked.get()).isInstanceOf(InvalidEventException.class)
                .hasMessageContaining("task run ns/p#1 attempt 1");
    }

    @Test
    void shouldNackWithTheSameExceptionWhenEventIsInvalid() {
        InvalidEventException invalid = new InvalidEventException("field 'type' is required");

        policy.settle(recorded.message, "run event", () -> {
            runs.incrementAndGet();
            throw invalid;
        });

        assertThat(runs).hasValue(1);
        assertThat(recorded.acks).hasValue(0);
        assertThat(recorded.nacked).hasValue(invalid);
    }

    @Test
    void shouldNackWithoutRetryWhenDomainRefusesTheRecord() {
        ProblemException refused = new ProblemException(404, "Not found", "pipeline 'ns/p' does not exist", List.of());

        policy.settle(recorded.message, "run request 7", () -> {
            runs.incrementAndGet();
            throw refused;
        });

        assertThat(runs).hasValue(1);
        assertThat(recorded.acks).hasValue(0);
        assertThat(recorded.nacked).hasValue(refused);
    }

    @Test
    void shouldRetryAndAckWhenDomainFailsWithServerError() {
        policy.settle(recorded.message, "run request 8", () -> {
            if (runs.incrementAndGet() == 1) {
                throw new ProblemException(503, "Unavailable", "try again", List.of());
            }
        });

        assertThat(runs).hasValue(2);
        assertThat(recorded.acks).hasValue(1);
        assertThat(recorded.nacked).hasValue(null);
    }

    @Test
    void shouldLeaveMessageUnsettledWhenServiceIsStopping() {
        policy.onShutdown(new ShutdownEvent());

        CompletionStage<Void> stage = policy.settle(recorded.message, "run event", () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("cannot connect", new SQLException("connection refused", "08001"));
        });

        assertThat(runs).hasValue(1);
        assertThat(recorded.acks).hasValue(0);
        assertThat(recorded.nacked).hasValue(null);
        assertThat(stage.toCompletableFuture()).isNotDone();
    }

    /** A message that records how it was settled, as the Kafka connector would act on it. */
    private static final class RecordingMessage {

        final AtomicInteger acks = new AtomicInteger();
        final AtomicReference<Throwable> nacked = new AtomicReference<>();
        final Message<byte[]> message = Message.of(new byte[0], Metadata.empty(), () -> {
            acks.incrementAndGet();
            return CompletableFuture.completedFuture(null);
        }, reason -> {
            nacked.set(reason);
            return CompletableFuture.completedFuture(null);
        });
    }
}
