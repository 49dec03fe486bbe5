package dev.gofer.api.run.persistence;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a run ended; unknown until it is complete. */
public enum RunStatus {
    UNKNOWN, SUCCESSFUL, FAILED, CANCELLED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
