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
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Caller;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;
import dev.gofer.support.auth.TokenGrant;
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

    @Inject
    Caller caller;

    @GET
    @Operation(summary = "List the namespaces the token may reach")
    @Requires(value = ResourceKind.NAMESPACES, action = Action.READ)
    public NamespacesResponse list() {
        return new NamespacesResponse(service.list().stream().filter(ns -> caller.reaches(ns.id())).toList());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a namespace", description = "409 if it exists; 400 unless the id is 3-32 characters"
            + " of A-Z, a-z, 0-9, '-' and '_'.")
    @Requires(value = ResourceKind.NAMESPACES, action = Action.WRITE, adminOnly = true)
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
    @Requires(value = ResourceKind.NAMESPACES, action = Action.READ)
    public NamespaceResponse get(@PathParam("namespace_id") String namespaceId) {
        return service.get(namespaceId).map(NamespaceResponse::new)
                .orElseThrow(() -> ApiException.notFound("namespace '" + namespaceId + "' does not exist"));
    }

    @PATCH
    @Path("/{namespace_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change a namespace's name or description")
    @Requires(value = ResourceKind.NAMESPACES, action = Action.WRITE, adminOnly = true)
    public NamespaceResponse update(@PathParam("namespace_id") String namespaceId, UpdateNamespaceRequest body) {
        UpdateNamespaceRequest change = body == null ? new UpdateNamespaceRequest(null, null) : body;
        return new NamespaceResponse(service.update(namespaceId, change.name(), change.description()));
    }

    @DELETE
    @Path("/{namespace_id}")
    @Operation(summary = "Delete a namespace with its pipelines, configs and runs", description = "409 while any of"
            + " its runs is unfinished; the default namespace cannot be deleted (400).")
    @Requires(value = ResourceKind.NAMESPACES, action = Action.DELETE, adminOnly = true)
    public Response delete(@PathParam("namespace_id") String namespaceId) {
        TokenGrant token = caller.require();
        service.delete(namespaceId, token.id(), token.user());
        return Response.noContent().build();
    }
}
