package dev.gofer.store.resolve.service;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A whole-value reference such as {@code pipeline_secret{{token}}}: after trimming, the entire value must be
 * {@code <kind>{{<key>}}} (kind case-insensitive, key trimmed). Anything else is a plain value, passed through as is.
 */
public record Reference(Kind kind, String key) {

    /** What a reference points at, and whether its value is a secret (sealed in transit). */
    public enum Kind {
        PIPELINE_SECRET("pipeline secret", true), GLOBAL_SECRET("global secret",
                true), PIPELINE_OBJECT("pipeline object", false), RUN_OBJECT("run object", false),
        /** Sealed by api-service already (a run's own token): passed on sealed, never opened here. */
        SEALED("sealed value", true);

        private final String label;
        private final boolean secret;

        Kind(String label, boolean secret) {
            this.label = label;
            this.secret = secret;
        }

        /** For messages: {@code pipeline secret}, {@code run object}, ... */
        public String label() {
            return label;
        }

        public boolean isSecret() {
            return secret;
        }
    }

    static final Pattern SYNTAX = Pattern
            .compile(
                    "(?i)^(pipeline_secret|global_secret|pipeline_object|run_object|sealed)\\{\\{\\s*(.+?)\\s*\\}\\}$");

    /** The reference in {@code value}, or empty when the value is plain. */
    public static Optional<Reference> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        Matcher m = SYNTAX.matcher(value.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        return Optional.of(new Reference(Kind.valueOf(m.group(1).toUpperCase(Locale.ROOT)), m.group(2)));
    }
}
