package dev.gofer.api.run.persistence;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle of a run. */
public enum RunState {
    PENDING, RUNNING, COMPLETE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
