package dev.gofer.support.problem;

import java.util.List;
import java.util.Locale;

/**
 * The root of every service's domain exceptions: it carries the problem it becomes over HTTP (status, type slug,
 * title, the invalid fields). Its message is the problem's detail and is shown to clients, so it names fields, keys and
 * ids, never secret values or class names. A consumer dead-letters a record whose handling throws one with a 4xx status
 * (the domain refuses it) and retries one with a 5xx status.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<FieldError> errors;

    public ProblemException(int status, String slug, String title, String detail, List<FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = List.copyOf(errors);
    }

    /** A problem whose type slug is made from its title ({@code "Pipeline disabled"}: {@code pipeline-disabled}). */
    public ProblemException(int status, String title, String detail, List<FieldError> errors) {
        this(status, slugOf(title), title, detail, errors);
    }

    public int status() {
        return status;
    }

    /** The last part of the problem type, {@code urn:gofer:problem:<slug>}. */
    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** Whether the request (or record) itself is at fault: sending it again would fail again. */
    public boolean isClientError() {
        return status >= 400 && status < 500;
    }

    /** Lower case, every run of other characters a single {@code -}. */
    public static String slugOf(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
