package dev.gofer.trigger.common.service;

/**
 * The one unchecked root exception of trigger-service. Its {@link Reason} decides the HTTP status; {@code field}
 * names the offending input (snake_case, e.g. {@code settings.every}) when there is one. The message is written for
 * clients and never contains class names.
 */
public class TriggerException extends RuntimeException {

    /** Why a request failed. */
    public enum Reason {
        INVALID, NOT_FOUND, CONFLICT
    }

    private final Reason reason;
    private final String field;

    public TriggerException(Reason reason, String field, String message) {
        super(message);
        this.reason = reason;
        this.field = field;
    }

    /** Bad input in {@code field}; the message says what is wrong with it. */
    public static TriggerException invalid(String field, String message) {
        return new TriggerException(Reason.INVALID, field, message);
    }

    public static TriggerException notFound(String message) {
        return new TriggerException(Reason.NOT_FOUND, null, message);
    }

    public static TriggerException conflict(String message) {
        return new TriggerException(Reason.CONFLICT, null, message);
    }

    public Reason reason() {
        return reason;
    }

    /** The offending input, or null when the failure is not about one field. */
    public String field() {
        return field;
    }
}
