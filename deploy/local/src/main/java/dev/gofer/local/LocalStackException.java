package dev.gofer.local;

/** The one unchecked exception of the launcher: its message says what failed and what to do about it. */
public class LocalStackException extends RuntimeException {

    private final String failedService;

    public LocalStackException(String message) {
        this(message, null, null);
    }

    public LocalStackException(String message, Throwable cause) {
        this(message, null, cause);
    }

    LocalStackException(String message, String failedService, Throwable cause) {
        super(message, cause);
        this.failedService = failedService;
    }

    /** The service whose start failed, when the failure is about one service; {@code null} otherwise. */
    public String failedService() {
        return failedService;
    }
}
