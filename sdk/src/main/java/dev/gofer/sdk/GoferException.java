package dev.gofer.sdk;

/** Root of every exception the SDK throws. */
public class GoferException extends RuntimeException {

    public GoferException(String message) {
        super(message);
    }

    public GoferException(String message, Throwable cause) {
        super(message, cause);
    }
}
