package dev.gofer.api.common.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.gofer.api.ApiException.FieldError;

/** RFC 9457 problem details, plus the invalid fields when there are any. */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
}
