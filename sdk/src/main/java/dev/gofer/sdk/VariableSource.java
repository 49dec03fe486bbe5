package dev.gofer.sdk;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Where a variable came from, lowest precedence first. Values this client does not know read as {@link #UNKNOWN}. */
public enum VariableSource {
    SYSTEM("system"), PIPELINE_CONFIG("pipeline_config"), RUN_OPTIONS("run_options"), UNKNOWN("unknown");

    private final String wire;

    VariableSource(String wire) {
        this.wire = wire;
    }

    /** The lower-case name used in the API's JSON. */
    @JsonValue
    public String wire() {
        return wire;
    }

    @JsonCreator
    public static VariableSource fromWire(String wire) {
        for (VariableSource value : values()) {
            if (value.wire.equalsIgnoreCase(wire)) {
                return value;
            }
        }
        return UNKNOWN;
    }
}
