package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a task run ended ({@code unknown} while it has not). Values this client does not know read as
 * {@link #UNKNOWN}.
 */
public enum TaskRunStatus {
    UNKNOWN("unknown"), SUCCESSFUL("successful"), FAILED("failed"), CANCELLED("cancelled"), SKIPPED("skipped");

    private final String wire;

    TaskRunStatus(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static TaskRunStatus fromWire(String wire) {
        for (TaskRunStatus value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
