package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which output of the container a log line came from. */
public enum LogStream {
    STDOUT("stdout"), STDERR("stderr");

    private final String wire;

    LogStream(String wire) {
        this.wire = wire;
    }

    @JsonValue
    public String wire() {
        return wire;
    }
}
