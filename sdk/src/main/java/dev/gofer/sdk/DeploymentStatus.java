package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How a deployment ended ({@code unknown} while it has not). Values this client does not know read as {@link
 * #UNKNOWN}.
 */
public enum DeploymentStatus {
    UNKNOWN("unknown"), SUCCESSFUL("successful"), FAILED("failed");

    private final String wire;

    DeploymentStatus(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static DeploymentStatus fromWire(String wire) {
        for (DeploymentStatus value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
