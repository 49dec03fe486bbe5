package dev.gofer.api;

import java.util.List;

import dev.gofer.support.problem.FieldError;
import dev.gofer.support.problem.ProblemException;

/**
 * The one unchecked root exception of api-service. Each carries the HTTP status and problem title it maps to (the
 * problem type is made from the title); the message is the problem's detail and is safe to show to clients.
 */
public class ApiException extends ProblemException {

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, List.of());
    }

    public ApiException(int status, String title, String detail, List<FieldError> errors) {
        super(status, title, detail, errors);
    }

    public static ApiException notFound(String detail) {
        return new ApiException(404, "Not found", detail);
    }

    public static ApiException conflict(String detail) {
        return new ApiException(409, "Conflict", detail);
    }

    public static ApiException invalid(String title, List<FieldError> errors) {
        String detail = errors.stream().map(e -> e.field() + ": " + e.message())
                .reduce((a, b) -> a + "; " + b).orElse(title);
        return new ApiException(400, title, detail, errors);
    }
}
