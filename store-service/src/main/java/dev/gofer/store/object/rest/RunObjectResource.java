package dev.gofer.store.object.rest;

import java.io.InputStream;

import jakarta.inject.Inject;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.gofer.store.common.service.Names;
import dev.gofer.store.object.service.ObjectScope;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;

/**
 * Run objects (what a task leaves for later tasks of the same run): raw bytes in ({@code POST}, {@code PUT} alias,
 * {@code ?force=true} to replace) and out.
 */
@Path("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/runs/{run_id}/objects")
public class RunObjectResource {

    @Inject
    ObjectEndpoints endpoints;

    @POST
    @Path("/{key}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.OBJECTS, action = Action.WRITE)
    public Response put(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId,
            @PathParam("run_id") @Min(value = 1, message = "must be >= 1") long runId,
            @PathParam("key") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key,
            @QueryParam("force") boolean force, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        return endpoints.put(ObjectScope.run(namespaceId, pipelineId, runId), key, force, contentLength, body,
                "/api/namespaces/" + namespaceId + "/pipelines/" + pipelineId + "/runs/" + runId + "/objects/" + key);
    }

    @PUT
    @Path("/{key}")
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.OBJECTS, action = Action.WRITE)
    public Response putAlias(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId,
            @PathParam("run_id") @Min(value = 1, message = "must be >= 1") long runId,
            @PathParam("key") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key,
            @QueryParam("force") boolean force, @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long contentLength,
            InputStream body) {
        return put(namespaceId, pipelineId, runId, key, force, contentLength, body);
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.OBJECTS, action = Action.READ)
    public ObjectListResponse list(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId,
            @PathParam("run_id") @Min(value = 1, message = "must be >= 1") long runId) {
        return endpoints.list(ObjectScope.run(namespaceId, pipelineId, runId));
    }

    @GET
    @Path("/{key}")
    @Produces(MediaType.APPLICATION_OCTET_STREAM)
    @Requires(value = ResourceKind.OBJECTS, action = Action.READ)
    public Response get(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId,
            @PathParam("run_id") @Min(value = 1, message = "must be >= 1") long runId,
            @PathParam("key") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key) {
        return endpoints.get(ObjectScope.run(namespaceId, pipelineId, runId), key);
    }

    @DELETE
    @Path("/{key}")
    @Requires(value = ResourceKind.OBJECTS, action = Action.DELETE)
    public Response delete(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId,
            @PathParam("run_id") @Min(value = 1, message = "must be >= 1") long runId,
            @PathParam("key") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key) {
        return endpoints.delete(ObjectScope.run(namespaceId, pipelineId, runId), key);
    }
}
