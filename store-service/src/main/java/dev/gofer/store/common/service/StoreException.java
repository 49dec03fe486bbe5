package dev.gofer.store.common.service;

/**
 * The one unchecked root exception of store-service: a domain error with the HTTP-facing {@link Kind}. Messages are
 * shown to clients, so they name keys and fields but never contain secret values.
 */
public class StoreException extends RuntimeException {

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

        public int status() {
            return status;
        }

        public String slug() {
            return slug;
        }

        public String title() {
            return title;
        }
    }

    private final Kind kind;

    public StoreException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public static StoreException invalid(String message) {
        return new StoreException(Kind.INVALID, message);
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
