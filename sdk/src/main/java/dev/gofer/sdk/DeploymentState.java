package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Whether a deployment is still switching versions. Values this client does not know read as {@link #UNKNOWN}. */
public enum DeploymentState {
    RUNNING("running"), COMPLETE("complete"), UNKNOWN("unknown");

    private final String wire;

    DeploymentState(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DeploymentState fromWire(String wire) {
        for (DeploymentState value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
