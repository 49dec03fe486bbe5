package dev.gofer.support.problem;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The body of every error response of every service ({@code application/problem+json}): RFC 9457 problem details
 * ({@code type} is {@code urn:gofer:problem:<slug>}), plus {@code errors}, the invalid fields, when there are any.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_PREFIX = "urn:gofer:problem:";
}
