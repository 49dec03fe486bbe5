package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a pipeline accepts runs. Values this client does not know read as {@link #UNKNOWN}. */
public enum PipelineState {
    ACTIVE("active"), DISABLED("disabled"), UNKNOWN("unknown");

    private final String wire;

    PipelineState(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static PipelineState fromWire(String wire) {
        for (PipelineState value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
