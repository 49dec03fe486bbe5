package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * Where a config version is in its life: registered, serving runs, or replaced. Values this client does not know read
 * as {@link #UNKNOWN}.
 */
public enum ConfigState {
    UNRELEASED("unreleased"), LIVE("live"), DEPRECATED("deprecated"), UNKNOWN("unknown");

    private final String wire;

    ConfigState(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static ConfigState fromWire(String wire) {
        for (ConfigState value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
