package dev.gofer.support.auth;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * What a route does to its resource. {@code reveal} exists only for secrets: reading a secret's value back
 * ({@code ?include_secret=true}) is a grant of its own, which {@code read} does not imply.
 */
public enum Action {
    READ, WRITE, DELETE, REVEAL;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static Action of(String wire) {
        for (Action action : values()) {
            if (action.wire().equals(wire)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown action '" + wire + "' (read, write, delete, reveal)");
    }
}
