package dev.gofer.api.run.persistence;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle of a task run: waiting for parents, being resolved and scheduled, running, complete. */
public enum TaskRunState {
    WAITING, PROCESSING, RUNNING, COMPLETE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
