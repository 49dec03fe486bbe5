package dev.gofer.sdk;

/**
 * One problem with one field, e.g. {@code tasks[1].depends_on.build}: {@code "task 'build' does not exist"}.
 *
 * @param field path of the field in the pipeline JSON (or the request) that is wrong
 * @param message what is wrong with it
 */
public record FieldError(String field, String message) {

    @Override
    public String toString() {
        return field == null || field.isBlank() ? message : field + ": " + message;
    }
}
