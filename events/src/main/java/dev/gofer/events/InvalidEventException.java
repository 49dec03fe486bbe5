package dev.gofer.events;

/**
 * The one unchecked exception of this module: a record that does not satisfy the contract (missing field, unknown
 * type, unsupported version, malformed JSON). Its message is the reason written to dead-letter headers.
 */
public class InvalidEventException extends RuntimeException {

    public InvalidEventException(String message) {
        super(message);
    }

    public InvalidEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
