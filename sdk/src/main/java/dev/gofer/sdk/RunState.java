package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a run is in its life. Values this client does not know read as {@link #UNKNOWN}. */
public enum RunState {
    PENDING("pending"), RUNNING("running"), COMPLETE("complete"), UNKNOWN("unknown");

    private final String wire;

    RunState(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static RunState fromWire(String wire) {
        for (RunState value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
