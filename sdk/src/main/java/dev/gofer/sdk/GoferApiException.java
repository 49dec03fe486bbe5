package dev.gofer.sdk;

import java.util.List;

/**
 * The API answered with an error: HTTP status plus the {@code application/problem+json} body (title, detail and, for
 * invalid input, one {@link FieldError} per bad field).
 */
public class GoferApiException extends GoferException {

    private final int status;
    private final String title;
    private final String detail;
    private final String type;
    private final String instance;
    private final List<FieldError> errors;

    public GoferApiException(int status, String title, String detail, String type, String instance,
            List<FieldError> errors) {
        super(detail == null || detail.isBlank() ? title : title + ": " + detail);
        this.status = status;
        this.title = title;
        this.detail = detail;
        this.type = type;
        this.instance = instance;
        this.errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The explanation, or {@code null}. */
    public String detail() {
        return detail;
    }

    /** The problem type URI, or {@code null}. */
    public String type() {
        return type;
    }

    /** The request path the problem is about, or {@code null}. */
    public String instance() {
        return instance;
    }

    /** Field errors of invalid input (empty otherwise). */
    public List<FieldError> errors() {
        return errors;
    }
}
