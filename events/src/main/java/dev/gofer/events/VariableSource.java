package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where a variable came from, lowest precedence first: system &lt; pipeline config &lt; run options. */
public enum VariableSource {
    SYSTEM("system"), PIPELINE_CONFIG("pipeline_config"), RUN_OPTIONS("run_options");

    private final String wire;

    VariableSource(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
