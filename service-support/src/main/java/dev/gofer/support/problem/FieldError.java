package dev.gofer.support.problem;

/**
 * One invalid field of a request: its path as the client wrote it (snake_case, e.g. {@code tasks[1].depends_on.build}
 * or a parameter such as {@code grace}) and what is wrong with it.
 */
public record FieldError(String field, String message) {
}
