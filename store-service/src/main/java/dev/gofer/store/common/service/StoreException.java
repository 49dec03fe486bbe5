package dev.gofer.store.common.service;

import java.util.List;

import dev.gofer.support.problem.FieldError;
import dev.gofer.support.problem.ProblemException;

/**
 * The one unchecked root exception of store-service: a domain error of a {@link Kind}, which decides the problem it
 * becomes over HTTP. Messages are shown to clients, so they name keys and fields but never contain secret values.
 */
public class StoreException extends ProblemException {

    /** What went wrong, with the HTTP status and the problem type slug it maps to. */
    public enum Kind {
        INVALID(400, "invalid-request", "Invalid request"), FORBIDDEN(403, "forbidden", "Forbidden"), NOT_FOUND(404,
                "not-found", "Not found"), ALREADY_EXISTS(409, "already-exists",
                        "Already exists"), TOO_LARGE(413, "payload-too-large", "Payload too large");

        private final int status;
        private final String slug;
        private final String title;

        Kind(int status, String slug, String title) {
            this.status = status;
            this.slug = slug;
            this.title = title;
        }
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        this(kind, message, List.of());
    }

    private StoreException(Kind kind, String message, List<FieldError> errors) {
        super(kind.status, kind.slug, kind.title, message, errors);
        this.kind = kind;
    }

    public static StoreException invalid(String message) {
        return new StoreException(Kind.INVALID, message);
    }

    /** Bad input in {@code field}: the detail reads {@code field: message}, and the field is listed in errors. */
    public static StoreException invalid(String field, String message) {
        return new StoreException(Kind.INVALID, field + ": " + message, List.of(new FieldError(field, message)));
    }

    public static StoreException forbidden(String message) {
        return new StoreException(Kind.FORBIDDEN, message);
    }

    public static StoreException notFound(String message) {
        return new StoreException(Kind.NOT_FOUND, message);
    }

    public static StoreException alreadyExists(String message) {
        return new StoreException(Kind.ALREADY_EXISTS, message);
    }

    public static StoreException tooLarge(String message) {
        return new StoreException(Kind.TOO_LARGE, message);
    }

    public Kind kind() {
        return kind;
    }
}
