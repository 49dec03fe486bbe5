package dev.gofer.support.problem;

import java.util.ArrayList;
import java.util.Comparator;
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

/**
 * The one place where failures become HTTP responses, in every service: each is a {@link Problem}. Bad input names
 * the field ({@code detail} is {@code field: message; ...}, {@code errors} lists each field) but never echoes a value
 * (a body may hold a secret); nothing internal (class names, stack traces, SQL) reaches the client. Unexpected errors
 * are logged here and answered with a bare 500.
 */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);
    static final String INVALID = "Invalid request";

    @ServerExceptionMapper
    public Response domain(ProblemException e, UriInfo uri) {
        return problem(uri, e.status(), e.slug(), e.title(), e.getMessage(), e.errors());
    }

    /** Bean Validation on request records and path or query parameters. */
    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e, UriInfo uri) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(fieldOf(v), v.getMessage()))
                .sorted(Comparator.comparing(FieldError::field).thenComparing(FieldError::message)).toList();
        return invalid(uri, INVALID, errors);
    }

    /**
     * A body that is not JSON, or JSON of the wrong shape. Declared for the exact types, so that it wins over the
     * framework's own mappers of those types. Jackson's messages may quote the body: only the field is named.
     */
    @ServerExceptionMapper({JsonProcessingException.class, JsonParseException.class, JsonMappingException.class,
            MismatchedInputException.class, InvalidFormatException.class})
    public Response unreadableBody(JsonProcessingException e, UriInfo uri) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            return invalid(uri, INVALID, List.of(new FieldError(jsonPath(mapping), "has the wrong type or format")));
        }
        return invalid(uri, "Malformed request body", List.of(new FieldError("body", "is not valid JSON")));
    }

    /** Framework-level HTTP errors: unknown path, wrong method, unsupported media type, unreadable body. */
    @ServerExceptionMapper
    public Response http(WebApplicationException e, UriInfo uri) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                // The framework wraps some Jackson failures (e.g. malformed JSON) in a 400.
                return unreadableBody(json, uri);
            }
        }
        int status = e.getResponse() == null ? 500 : e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType known = Response.Status.fromStatusCode(status);
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = e.getMessage() == null ? "HTTP " + status + " " + title : e.getMessage();
        return problem(uri, status, ProblemException.slugOf(title), title, detail, List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected error serving %s", uri == null ? "?" : uri.getRequestUri().getRawPath());
        return problem(uri, 500, "internal-error", "Internal error", "the server could not complete the request",
                List.of());
    }

    /** A 400 naming every invalid field: {@code detail} is {@code field: message; ...}. */
    static Response invalid(UriInfo uri, String title, List<FieldError> errors) {
        String detail = errors.stream().map(f -> f.field() + ": " + f.message()).collect(Collectors.joining("; "));
        return problem(uri, 400, ProblemException.slugOf(title), title, detail, errors);
    }

    static Response problem(UriInfo uri, int status, String slug, String title, String detail,
            List<FieldError> errors) {
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem(Problem.TYPE_PREFIX + slug, title, status, detail,
                        uri == null ? null : uri.getRequestUri().getRawPath(), errors))
                .build();
    }

    /** {@code tasks[1].image}: the JSON path of the value Jackson could not map. */
    static String jsonPath(JsonMappingException mapping) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference ref : mapping.getPath()) {
            if (ref.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(ref.getFieldName());
            } else {
                path.append('[').append(ref.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    /**
     * The snake_case name of the input a violation is about: the property path inside the body (e.g.
     * {@code subscription_id}, {@code namespaces[1]}), or the parameter's name ({@code namespace_id}, {@code key})
     * when it is a path or query parameter; {@code body} for the body as a whole.
     */
    static String fieldOf(ConstraintViolation<?> violation) {
        List<String> properties = new ArrayList<>();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (kind == ElementKind.PROPERTY && node.getName() != null) {
                properties.add(snakeCase(node.getName()));
            } else if (kind == ElementKind.CONTAINER_ELEMENT && node.getIndex() != null && !properties.isEmpty()) {
                properties.set(properties.size() - 1, properties.get(properties.size() - 1) + "[" + node.getIndex()
                        + "]");
            }
        }
        if (!properties.isEmpty()) {
            return String.join(".", properties);
        }
        if (parameter == null || parameter.equals("request") || parameter.equals("body")) {
            return "body";
        }
        return snakeCase(parameter);
    }

    static String snakeCase(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }
}
