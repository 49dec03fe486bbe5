package dev.gofer.store.secret.rest;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.gofer.store.common.service.Names;
import dev.gofer.store.common.service.StoreException;
import dev.gofer.store.secret.service.GlobalSecretInfo;
import dev.gofer.store.secret.service.GlobalSecretService;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Caller;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;

/**
 * Global secrets: put (with a namespace allow-list), list, get metadata, delete. Values come out only to the admin
 * token ({@code include_secret=true}).
 */
@Path("/api/secrets/global")
@Produces(MediaType.APPLICATION_JSON)
public class GlobalSecretResource {

    @Inject
    GlobalSecretService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.SECRETS, action = Action.WRITE, adminOnly = true)
    public Response put(@NotNull(message = "a JSON body is required") @Valid GlobalSecretRequest body) {
        GlobalSecretInfo info = service.put(body.key(), body.content(), body.namespaces(), body.force());
        return Response.created(URI.create("/api/secrets/global/" + info.key()))
                .entity(new GlobalSecretResponse(GlobalSecretView.from(info))).build();
    }

    @GET
    @Requires(value = ResourceKind.SECRETS, action = Action.READ, adminOnly = true)
    public GlobalSecretListResponse list() {
        return new GlobalSecretListResponse(service.list().stream().map(GlobalSecretView::from).toList());
    }

    /** Metadata; with {@code include_secret=true} also the value, for admin tokens only (403 otherwise). */
    @GET
    @Path("/{key}")
    @Requires(value = ResourceKind.SECRETS, action = Action.READ, adminOnly = true)
    public GlobalSecretResponse get(
            @PathParam("key") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key,
            @QueryParam("include_secret") boolean includeSecret) {
        if (includeSecret) {
            return service.revealTo(caller.require(), key).map(GlobalSecretView::from).map(GlobalSecretResponse::new)
                    .orElseThrow(() -> notFound(key));
        }
        return service.get(key).map(GlobalSecretView::from).map(GlobalSecretResponse::new)
                .orElseThrow(() -> notFound(key));
    }

    @DELETE
    @Path("/{key}")
    @Requires(value = ResourceKind.SECRETS, action = Action.DELETE, adminOnly = true)
    public Response delete(
            @PathParam("key") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key) {
        if (!service.delete(key)) {
            throw notFound(key);
        }
        return Response.noContent().build();
    }

    private static StoreException notFound(String key) {
        return StoreException.notFound("global secret '" + key + "' not found");
    }
}
