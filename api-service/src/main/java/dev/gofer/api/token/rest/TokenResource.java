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
import dev.gofer.api.token.service.CreatedToken;
import dev.gofer.api.token.service.NewToken;
import dev.gofer.api.token.service.TokenService;
import dev.gofer.api.token.service.TokenView;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Anonymous;
import dev.gofer.support.auth.Authenticated;
import dev.gofer.support.auth.Caller;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;
import dev.gofer.support.problem.FieldError;

@Path("/api/tokens")
@Produces(MediaType.APPLICATION_JSON)
public class TokenResource {

    public record TokenResponse(TokenView token) {
    }

    public record TokensResponse(List<TokenView> tokens) {
    }

    public record UpdateTokenRequest(Boolean disabled) {
    }

    @Inject
    TokenService service;

    @Inject
    Caller caller;

    @POST
    @Path("/bootstrap")
    @Anonymous("the installation's first admin token; refused (409) once made")
    @Operation(summary = "Make the first admin token", description = "Once per installation, without a token; 409"
            + " afterwards. The secret is in the answer and nowhere else.")
    public Response bootstrap() {
        return created(service.bootstrap());
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.TOKENS, action = Action.WRITE, adminOnly = true)
    @Operation(summary = "Make a token for a user", description = "Body {user, namespaces (anchored patterns),"
            + " roles, expires (seconds from now, 0 = never), metadata}. The secret is in the answer and nowhere else.")
    public Response create(NewToken body) {
        return created(service.create(caller.require(), body));
    }

    @GET
    @Requires(value = ResourceKind.TOKENS, action = Action.READ, adminOnly = true)
    @Operation(summary = "List tokens (never their secrets); run-scoped tokens are not listed")
    public TokensResponse list() {
        return new TokensResponse(service.list());
    }

    @GET
    @Path("/whoami")
    @Authenticated
    @Operation(summary = "The token making this request")
    public TokenResponse whoami() {
        return service.get(caller.require().id()).map(TokenResponse::new)
                .orElseThrow(() -> ApiException.notFound("this token no longer exists"));
    }

    @GET
    @Path("/{token_id}")
    @Requires(value = ResourceKind.TOKENS, action = Action.READ)
    @Operation(summary = "Get a token's details")
    public TokenResponse get(@PathParam("token_id") String tokenId) {
        return service.get(tokenId).map(TokenResponse::new)
                .orElseThrow(() -> ApiException.notFound("token '" + tokenId + "' does not exist"));
    }

    @PATCH
    @Path("/{token_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Requires(value = ResourceKind.TOKENS, action = Action.WRITE, adminOnly = true)
    @Operation(summary = "Disable or enable a token", description = "Body {disabled}. A token cannot change itself"
            + " (409). Every service refuses a disabled token within 5 s.")
    public TokenResponse update(@PathParam("token_id") String tokenId, UpdateTokenRequest body) {
        if (body == null || body.disabled() == null) {
            throw ApiException.invalid("Invalid token change", List.of(new FieldError("disabled", "is required")));
        }
        return new TokenResponse(service.setDisabled(caller.require(), tokenId, body.disabled()));
    }

    @DELETE
    @Path("/{token_id}")
    @Requires(value = ResourceKind.TOKENS, action = Action.DELETE, adminOnly = true)
    @Operation(summary = "Delete a token", description = "A token cannot delete itself (409).")
    public Response delete(@PathParam("token_id") String tokenId) {
        service.delete(caller.require(), tokenId);
        return Response.noContent().build();
    }

    private static Response created(CreatedToken token) {
        return Response.created(URI.create("/api/tokens/" + token.token().id())).entity(token).build();
    }
}
