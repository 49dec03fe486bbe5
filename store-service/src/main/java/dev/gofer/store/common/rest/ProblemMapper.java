package dev.gofer.store.common.rest;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.gofer.store.common.service.StoreException;

/**
 * The one place that turns exceptions into {@code application/problem+json} responses. Details name fields and keys,
 * never values, class names or stack traces; unexpected errors are logged here and answered with a bare 500.
 */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String TYPE_PREFIX = "urn:gofer:problem:";

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @Inject
    ObjectMapper json;

    @ServerExceptionMapper
    public Response mapStore(StoreException e, UriInfo uri) {
        StoreException.Kind kind = e.kind();
        return problem(kind.status(), kind.slug(), kind.title(), e.getMessage(), uri);
    }

    @ServerExceptionMapper
    public Response mapViolation(ConstraintViolationException e, UriInfo uri) {
        String detail = e.getConstraintViolations().stream().map(ProblemMapper::describe).sorted()
                .collect(Collectors.joining("; "));
        return problem(400, "invalid-request", "Invalid request", detail, uri);
    }

    @ServerExceptionMapper
    public Response mapMismatchedInput(MismatchedInputException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapJson(JsonProcessingException e, UriInfo uri) {
        return badJson(e, uri);
    }

    @ServerExceptionMapper
    public Response mapWeb(WebApplicationException e, UriInfo uri) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof JsonProcessingException jpe) {
                return badJson(jpe, uri);
            }
        }
        int status = e.getResponse().getStatus();
        Response.StatusType type = Response.Status.fromStatusCode(status);
        String title = type == null ? "HTTP " + status : type.getReasonPhrase();
        return problem(status, slug(title), title, title, uri);
    }

    @ServerExceptionMapper
    public Response mapUnexpected(Exception e, UriInfo uri) {
        LOG.errorf(e, "unexpected error on %s", uri.getRequestUri().getRawPath());
        return problem(500, "internal-error", "Internal server error", "the server could not complete the request",
                uri);
    }

    private Response badJson(JsonProcessingException e, UriInfo uri) {
        // Jackson's own messages may quote the request body (which may hold a secret): name the field only.
        String detail = "the request body is not valid JSON";
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            detail = "field '" + field + "' has the wrong type or shape";
        }
        return problem(400, "invalid-request", "Invalid request", detail, uri);
    }

    private Response problem(int status, String slug, String title, String detail, UriInfo uri) {
        Problem body = new Problem(TYPE_PREFIX + slug, title, status, detail, uri.getRequestUri().getRawPath());
        String text;
        try {
            text = json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            text = "{\"status\":" + status + "}";
        }
        return Response.status(status).type(PROBLEM_JSON).entity(text).build();
    }

    /** {@code field: message}, the field in snake_case as on the wire (e.g. {@code namespaces[1]}, {@code key}). */
    static String describe(ConstraintViolation<?> violation) {
        return field(violation.getPropertyPath()) + ": " + violation.getMessage();
    }

    static String field(Path path) {
        List<String> parts = new ArrayList<>();
        for (Path.Node node : path) {
            ElementKind kind = node.getKind();
            if (kind == ElementKind.METHOD || kind == ElementKind.CONSTRUCTOR || kind == ElementKind.RETURN_VALUE
                    || kind == ElementKind.CROSS_PARAMETER) {
                continue;
            }
            if (kind == ElementKind.CONTAINER_ELEMENT) {
                if (node.getIndex() != null && !parts.isEmpty()) {
                    parts.set(parts.size() - 1, parts.get(parts.size() - 1) + "[" + node.getIndex() + "]");
                }
                continue;
            }
            if (node.getName() != null) {
                parts.add(snake(node.getName()));
            }
        }
        // The body parameter itself is not a field the client knows about.
        if (parts.size() > 1 && "body".equals(parts.get(0))) {
            parts.remove(0);
        }
        return parts.isEmpty() ? "request" : String.join(".", parts);
    }

    private static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
    }

    private static String slug(String title) {
        return title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }
}
