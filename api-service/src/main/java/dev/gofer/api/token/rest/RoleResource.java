package dev.gofer.api.token.rest;

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
import dev.gofer.api.token.service.RoleService;
import dev.gofer.api.token.service.RoleView;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Caller;
import dev.gofer.support.auth.Permission;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;
import dev.gofer.support.problem.FieldError;

@Path("/api/roles")
@Produces(MediaType.APPLICATION_JSON)
public class RoleResource {

    public record RoleResponse(RoleView role) {
    }

    public record RolesResponse(List<RoleView> roles) {
    }

    public record RoleRequest(String id, String description, List<Permission> permissions) {
    }

    @Inject
    RoleService service;

    @Inject
    Caller caller;

    @GET
    @Requires(value = ResourceKind.ROLES, action = Action.READ)
    @Operation(summary = "List roles: the system ones (admin, user, viewer, run), then custom ones")
    public RolesResponse list() {
        return new RolesResponse(service.list());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.ROLES, action = Action.WRITE, adminOnly = true)
    @Operation(summary = "Make a custom role", description = "Body {id, description, permissions: [{resources,"
            + " actions}]}; a resource is all, a kind (secrets) or kind:<anchored pattern> (pipelines:deploy-.*).")
    public Response create(RoleRequest body) {
        if (body == null) {
            throw ApiException.invalid("Invalid role", List.of(new FieldError("body", "is required")));
        }
        RoleView role = service.create(caller.require(), body.id(), body.description(), body.permissions());
        return Response.created(URI.create("/api/roles/" + role.id())).entity(new RoleResponse(role)).build();
    }

    @GET
    @Path("/{role_id}")
    @Requires(value = ResourceKind.ROLES, action = Action.READ)
    @Operation(summary = "Get a role")
    public RoleResponse get(@PathParam("role_id") String roleId) {
        return service.get(roleId).map(RoleResponse::new)
                .orElseThrow(() -> ApiException.notFound("role '" + roleId + "' does not exist"));
    }

    @PATCH
    @Path("/{role_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.ROLES, action = Action.WRITE, adminOnly = true)
    @Operation(summary = "Change a custom role's description or permissions (system roles: 409)")
    public RoleResponse update(@PathParam("role_id") String roleId, RoleRequest body) {
        RoleRequest change = body == null ? new RoleRequest(null, null, null) : body;
        return new RoleResponse(service.update(caller.require(), roleId, change.description(), change.permissions()));
    }

    @DELETE
    @Path("/{role_id}")
    @Requires(value = ResourceKind.ROLES, action = Action.DELETE, adminOnly = true)
    @Operation(summary = "Delete a custom role", description = "409 for system roles and roles tokens still hold.")
    public Response delete(@PathParam("role_id") String roleId) {
        service.delete(caller.require(), roleId);
        return Response.noContent().build();
    }
}
