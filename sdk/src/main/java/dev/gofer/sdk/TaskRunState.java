package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a task run is in its life. Values this client does not know read as {@link #UNKNOWN}. */
public enum TaskRunState {
    WAITING("waiting"), PROCESSING("processing"), RUNNING("running"), COMPLETE("complete"), UNKNOWN("unknown");

    private final String wire;

    TaskRunState(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TaskRunState fromWire(String wire) {
        for (TaskRunState value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
