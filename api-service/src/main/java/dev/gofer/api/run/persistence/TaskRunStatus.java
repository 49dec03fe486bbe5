package dev.gofer.api.run.persistence;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a task run ended; unknown until it is complete. */
public enum TaskRunStatus {
    UNKNOWN, SUCCESSFUL, FAILED, CANCELLED, SKIPPED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
