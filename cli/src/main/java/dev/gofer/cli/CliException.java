package dev.gofer.cli;

/** A problem the user can fix (bad path, failing pipeline program, ...); printed as {@code error: <message>}. */
class CliException extends RuntimeException {

    CliException(String message) {
        super(message);
    }

    CliException(String message, Throwable cause) {
        super(message, cause);
    }
}
