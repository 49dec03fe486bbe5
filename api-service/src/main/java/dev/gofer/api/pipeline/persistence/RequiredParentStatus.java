package dev.gofer.api.pipeline.persistence;

import java.util.Locale;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a child task requires of a parent's final status before it runs. */
public enum RequiredParentStatus {
    /** The parent finished successfully. */
    SUCCESS,
    /** The parent failed: for clean-up and notification tasks. */
    FAILURE,
    /** The parent finished at all: successful, failed or skipped. */
    ANY;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive, as Gofer's input accepts {@code Success} as well as {@code success}. */
    public static Optional<RequiredParentStatus> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (RequiredParentStatus s : values()) {
            if (s.name().equalsIgnoreCase(text.trim())) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
