package dev.gofer.trigger.common.service;

import java.util.List;

import dev.gofer.support.problem.FieldError;
import dev.gofer.support.problem.ProblemException;

/**
 * The one unchecked root exception of trigger-service. Its {@link Reason} decides the problem it becomes over HTTP;
 * {@code field} names the offending input (snake_case, e.g. {@code settings.every}) when there is one. The message is
 * written for clients and never contains class names.
 */
public class TriggerException extends ProblemException {

    /** Why a request failed. */
    public enum Reason {
        INVALID, NOT_FOUND, CONFLICT
    }

    private final Reason reason;
    private final String field;

    private TriggerException(Reason reason, int status, String slug, String title, String field, String detail,
            List<FieldError> errors) {
        super(status, slug, title, detail, errors);
        this.reason = reason;
        this.field = field;
    }

    /** Bad input in {@code field}; the message says what is wrong with it. The detail reads {@code field: message}. */
    public static TriggerException invalid(String field, String message) {
        return new TriggerException(Reason.INVALID, 400, "invalid-request", "Invalid request", field,
                field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static TriggerException notFound(String message) {
        return new TriggerException(Reason.NOT_FOUND, 404, "not-found", "Not found", null, message, List.of());
    }

    public static TriggerException conflict(String message) {
        return new TriggerException(Reason.CONFLICT, 409, "conflict", "Conflict", null, message, List.of());
    }

    public Reason reason() {
        return reason;
    }

    /** The offending input, or null when the failure is not about one field. */
    public String field() {
        return field;
    }
}
