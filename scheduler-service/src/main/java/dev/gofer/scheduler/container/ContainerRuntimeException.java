package dev.gofer.scheduler.container;

/**
 * The one exception of the container port: whatever the engine client threw, translated, with a {@link Reason} callers
 * can act on and a message that names the action and the engine's own explanation (never secret values).
 */
public class ContainerRuntimeException extends RuntimeException {

    /** What went wrong, as far as a caller needs to know. */
    public enum Reason {
        /** The image or container does not exist. */
        NOT_FOUND,
        /** A container with that name already exists. */
        CONFLICT,
        /** The call did not finish in time. */
        TIMEOUT,
        /** The engine cannot be reached. */
        UNAVAILABLE,
        /**
         * The registry refused the pull: credentials missing or wrong (some registries, Docker Hub among them, say the
         * same when the repository does not exist).
         */
        UNAUTHORIZED,
        /** The engine refused or failed the request. */
        ENGINE
    }

    private final Reason reason;

    public ContainerRuntimeException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public ContainerRuntimeException(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
