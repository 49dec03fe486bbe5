package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Why a task run failed without an exit code of its own. */
public enum FailureReason {
    /** A reference could not be resolved (missing secret or object, or not allowed here). */
    FAILED_PRECONDITION("failed_precondition"),
    /** The worker could not pull the image or create/start the container. */
    SCHEDULER_ERROR("scheduler_error");

    private final String wire;

    FailureReason(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
