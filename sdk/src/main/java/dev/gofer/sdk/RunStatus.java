package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** How a run ended ({@code unknown} while it has not). Values this client does not know read as {@link #UNKNOWN}. */
public enum RunStatus {
    UNKNOWN("unknown"), SUCCESSFUL("successful"), FAILED("failed"), CANCELLED("cancelled");

    private final String wire;

    RunStatus(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RunStatus fromWire(String wire) {
        for (RunStatus value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
