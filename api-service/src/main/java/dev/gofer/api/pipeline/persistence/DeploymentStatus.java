package dev.gofer.api.pipeline.persistence;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outcome of a deployment: {@code unknown} until it is complete. */
public enum DeploymentStatus {
    UNKNOWN, SUCCESSFUL, FAILED;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
