package dev.gofer.api.namespace.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.gofer.api.ApiException;
import dev.gofer.api.namespace.rest.NamespaceRequests.CreateNamespaceRequest;
import dev.gofer.api.namespace.rest.NamespaceRequests.UpdateNamespaceRequest;
import dev.gofer.api.namespace.service.NamespaceService;
import dev.gofer.api.namespace.service.NamespaceView;
import dev.gofer.support.problem.FieldError;

@Path("/api/namespaces")
@Produces(MediaType.APPLICATION_JSON)
public class NamespaceResource {

    public record NamespacesResponse(List<NamespaceView> namespaces) {
    }

    public record NamespaceResponse(NamespaceView namespace) {
    }

    @Inject
    NamespaceService service;

    @GET
    @Operation(summary = "List namespaces")
    public NamespacesResponse list() {
        return new NamespacesResponse(service.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a namespace", description = "409 if it exists; 400 unless the id is 3-32 characters"
            + " of A-Z, a-z, 0-9, '-' and '_'.")
    public Response create(CreateNamespaceRequest body) {
        if (body == null) {
            throw ApiException.invalid("Invalid namespace", List.of(new FieldError("body", "is required")));
        }
        NamespaceView created = service.create(body.id(), body.name(), body.description());
        return Response.created(URI.create("/api/namespaces/" + created.id()))
                .entity(new NamespaceResponse(created)).build();
    }

    @GET
    @Path("/{namespace_id}")
    @Operation(summary = "Get a namespace")
    public NamespaceResponse get(@PathParam("namespace_id") String namespaceId) {
        return service.get(namespaceId).map(NamespaceResponse::new)
                .orElseThrow(() -> ApiException.notFound("namespace '" + namespaceId + "' does not exist"));
    }

    @PATCH
    @Path("/{namespace_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a namespace's name or description")
    public NamespaceResponse update(@PathParam("namespace_id") String namespaceId, UpdateNamespaceRequest body) {
        UpdateNamespaceRequest change = body == null ? new UpdateNamespaceRequest(null, null) : body;
        return new NamespaceResponse(service.update(namespaceId, change.name(), change.description()));
    }

    @DELETE
    @Path("/{namespace_id}")
    @Operation(summary = "Delete a namespace with its pipelines, configs and runs", description = "409 while any of"
            + " its runs is unfinished; the default namespace cannot be deleted (400).")
    public Response delete(@PathParam("namespace_id") String namespaceId) {
        service.delete(namespaceId);
        return Response.noContent().build();
    }
}
