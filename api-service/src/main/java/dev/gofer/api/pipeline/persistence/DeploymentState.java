package dev.gofer.api.pipeline.persistence;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The lifecycle of a deployment: it runs, then it is complete (successful or failed). */
public enum DeploymentState {
    RUNNING, COMPLETE;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
