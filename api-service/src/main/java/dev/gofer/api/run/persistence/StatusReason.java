package dev.gofer.api.run.persistence;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Why a run or task run (or one of its attempts) ended other than successfully: {@code timeout} (ran past its
 * {@code timeout_seconds}), {@code worker_lost} (its worker stopped sending heartbeats), {@code queue_timeout} (its
 * container did not start within {@code queue_timeout_seconds} of being dispatched).
 */
public enum StatusReason {
    ABNORMAL_EXIT, SCHEDULER_ERROR, FAILED_PRECONDITION, USER_CANCELLED, WORKER_LOST, TIMEOUT, QUEUE_TIMEOUT;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
