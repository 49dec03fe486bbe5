package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** When a worker pulls a task's image. */
public enum PullPolicy {
    ALWAYS("always"), IF_NOT_PRESENT("if_not_present"), NEVER("never");

    private final String wire;

    PullPolicy(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
