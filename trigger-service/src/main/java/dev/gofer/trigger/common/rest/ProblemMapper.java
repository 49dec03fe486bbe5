package dev.gofer.trigger.common.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.gofer.trigger.common.service.TriggerException;

/**
 * The one place where failures become HTTP responses: every error is {@code application/problem+json}
 * {@code {type,title,status,detail,instance}}. Bad input names the field (snake_case, as in the JSON body); nothing
 * internal (class names, stack traces, SQL) ever reaches the client.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    static final String INVALID = "urn:gofer:problem:invalid-request";
    static final String NOT_FOUND = "urn:gofer:problem:not-found";
    static final String CONFLICT = "urn:gofer:problem:conflict";
    static final String HTTP = "urn:gofer:problem:http";
    static final String INTERNAL = "urn:gofer:problem:internal";

    @ServerExceptionMapper
    public Response trigger(TriggerException e, UriInfo uri) {
        return switch (e.reason()) {
            case INVALID -> problem(INVALID, "Invalid request", 400, fieldDetail(e.field(), e.getMessage()), uri);
            case NOT_FOUND -> problem(NOT_FOUND, "Not found", 404, e.getMessage(), uri);
            case CONFLICT -> problem(CONFLICT, "Conflict", 409, e.getMessage(), uri);
        };
    }

    /** Bean Validation on request records and path parameters. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> fieldDetail(fieldOf(v), v.getMessage()))
                .sorted()
                .collect(Collectors.joining("; "));
        return problem(INVALID, "Invalid request", 400, detail, uri);
    }

    /** A body that is not JSON, or JSON of the wrong shape. */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return problem(INVALID, "Invalid request", 400, fieldDetail(field, "has the wrong type"), uri);
        }
        return problem(INVALID, "Invalid request", 400, "body: is not valid JSON", uri);
    }

    /** Framework-level HTTP errors: unknown path, wrong method, unsupported media type, unreadable body. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                // Quarkus REST wraps some Jackson failures (e.g. malformed JSON) in a 400.
                return unreadableBody(json, uri);
            }
        }
        if (status >= 500) {
            return internal(e, uri);
        }
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return problem(status == 404 ? NOT_FOUND : HTTP, title, status, "HTTP " + status + " " + title, uri);
    }

    @ServerExceptionMapper
    public Response internal(Throwable e, UriInfo uri) {
        LOG.errorf(e, "unexpected error serving %s", uri == null ? "?" : uri.getPath());
        return problem(INTERNAL, "Internal error", 500, "an unexpected error occurred; see the service log", uri);
    }

    private static Response problem(String type, String title, int status, String detail, UriInfo uri) {
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .entity(new Problem(type, title, status, detail, uri == null ? null : uri.getPath()))
                .build();
    }

    private static String fieldDetail(String field, String message) {
        return field == null || field.isBlank() ? message : field + ": " + message;
    }

    /**
     * The snake_case name of the input a violation is about: the property path inside the body
     * ({@code subscription_id}), or the parameter's name ({@code namespace_id}) when it is a path parameter.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY && node.getName() != null) {
                properties.add(node.getName());
            }
        }
        if (!properties.isEmpty()) {
            return properties.stream().map(ProblemMapper::snakeCase).collect(Collectors.joining("."));
        }
        if (parameter == null || parameter.equals("request")) {
            return "body";
        }
        return snakeCase(parameter);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
