package dev.gofer.api.common.rest;

import java.util.List;
import java.util.Locale;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;

import dev.gofer.api.ApiException;
import dev.gofer.api.ApiException.FieldError;

/** The one place exceptions become HTTP responses: application/problem+json, no class names, no stack traces. */
public class ProblemMapper {

    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response api(ApiException error, UriInfo uri) {
        return problem(uri, error.status(), error.title(), error.getMessage(), error.errors());
    }

    @ServerExceptionMapper
    public Response json(JsonProcessingException error, UriInfo uri) {
        if (error instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping);
            return problem(uri, 400, "Malformed request body", "field '" + field + "' has the wrong type or format",
                    List.of(new FieldError(field, "wrong type or format")));
        }
        return problem(uri, 400, "Malformed request body", "the body is not valid JSON", List.of());
    }

    /** Declared for the exact type, so that it wins over Quarkus's built-in mapper of the same type. */
    @ServerExceptionMapper
    public Response mismatch(MismatchedInputException error, UriInfo uri) {
        return json(error, uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException error, UriInfo uri) {
        if (error.getCause() instanceof JsonProcessingException json) {
            return json(json, uri);
        }
        int status = error.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        return problem(uri, status, known == null ? "Error" : known.getReasonPhrase(), error.getMessage(), List.of());
    }

    @ServerExceptionMapper
    public Response unexpected(Exception error, UriInfo uri) {
        LOG.errorf(error, "unexpected error serving %s", uri.getRequestUri().getPath());
        return problem(uri, 500, "Internal error", "the server could not complete the request", List.of());
    }

    private static String fieldPath(JsonMappingException mapping) {
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

    static Response problem(UriInfo uri, int status, String title, String detail, List<FieldError> errors) {
        String slug = title.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return Response.status(status).type(Problem.MEDIA_TYPE)
                .entity(new Problem("urn:gofer:problem:" + slug, title, status, detail,
                        uri == null ? null : uri.getRequestUri().getPath(), errors))
                .build();
    }
}
