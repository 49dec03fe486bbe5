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
import dev.gofer.store.secret.service.PipelineSecretService;
import dev.gofer.store.secret.service.SecretInfo;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Caller;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;

/**
 * Pipeline secrets: put, list, get metadata, delete. Values go in; they come out only to a token allowed
 * {@code secrets: reveal} ({@code include_secret=true}).
 */
@Path("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/secrets")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineSecretResource {

    @Inject
    PipelineSecretService service;

    @Inject
    Caller caller;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.SECRETS, action = Action.WRITE)
    public Response put(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId,
            @NotNull(message = "a JSON body is required") @Valid SecretRequest body) {
        SecretInfo info = service.put(namespaceId, pipelineId, body.key(), body.content(), body.force());
        URI location = URI.create("/api/namespaces/" + namespaceId + "/pipelines/" + pipelineId + "/secrets/"
                + info.key());
        return Response.created(location).entity(new SecretResponse(SecretView.from(info))).build();
    }

    @GET
    @Requires(value = ResourceKind.SECRETS, action = Action.READ)
    public SecretListResponse list(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId) {
        return new SecretListResponse(service.list(namespaceId, pipelineId).stream().map(SecretView::from).toList());
    }

    /**
     * Metadata; with {@code include_secret=true} also the value, but only for {@code Authorization: Bearer <admin
     * token>} (403 otherwise, checked before the key is looked up, so a refusal does not tell whether it exists).
     */
    @GET
    @Path("/{key}")
    @Requires(value = ResourceKind.SECRETS, action = Action.READ, revealWhen = "include_secret")
    public SecretResponse get(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId,
            @PathParam("key") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key,
            @QueryParam("include_secret") boolean includeSecret) {
        if (includeSecret) {
            return service.revealTo(caller.require(), namespaceId, pipelineId, key).map(SecretView::from)
                    .map(SecretResponse::new).orElseThrow(() -> notFound(namespaceId, pipelineId, key));
        }
        return service.get(namespaceId, pipelineId, key).map(SecretView::from).map(SecretResponse::new)
                .orElseThrow(() -> notFound(namespaceId, pipelineId, key));
    }

    @DELETE
    @Path("/{key}")
    @Requires(value = ResourceKind.SECRETS, action = Action.DELETE)
    public Response delete(
            @PathParam("namespace_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String pipelineId,
            @PathParam("key") @Pattern(regexp = Names.KEY_REGEX, message = Names.KEY_MESSAGE) String key) {
        if (!service.delete(namespaceId, pipelineId, key)) {
            throw notFound(namespaceId, pipelineId, key);
        }
        return Response.noContent().build();
    }

    private static StoreException notFound(String namespaceId, String pipelineId, String key) {
        return StoreException
                .notFound("pipeline secret '" + key + "' not found in " + namespaceId + "/" + pipelineId);
    }
}
