package dev.gofer.trigger.subscription.rest;

import java.net.URI;

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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;

import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;
import dev.gofer.trigger.subscription.service.Identifiers;
import dev.gofer.trigger.subscription.service.Subscription;
import dev.gofer.trigger.subscription.service.SubscriptionService;

/** Subscriptions of a pipeline to triggers, Gofer-style. Errors are problem+json from the one mapper. */
@Path("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/subscriptions")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "subscriptions")
public class SubscriptionResource {

    private final SubscriptionService service;

    public SubscriptionResource(SubscriptionService service) {
        this.service = service;
    }

    @POST
    @Requires(value = ResourceKind.SUBSCRIPTIONS, action = Action.WRITE)
    public Response create(
            @PathParam("namespace_id") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String namespaceId,
            @PathParam("pipeline_id") @Pattern(regexp = Identifiers.PATTERN, message = Identifiers.MESSAGE) String pipelineId,
            @NotNull(message = "a JSON body is required") @Valid CreateSubscriptionRequest request) {
        Subscription created = service.create(namespaceId, pipelineId, request.trigger(), request.subscriptionId(),
                request.settings(), request.variables());
        URI location = UriBuilder.fromPath("/api/namespaces/{ns}/pipelines/{p}/subscriptions/{trigger}/{id}")
                .build(namespaceId, pipelineId, created.trigger(), created.subscriptionId());
        return Response.created(location).entity(new SubscriptionResponse(SubscriptionView.from(created))).build();
    }

    @GET
    @Requires(value = ResourceKind.SUBSCRIPTIONS, action = Action.READ)
    public SubscriptionListResponse list(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId) {
        return new SubscriptionListResponse(
                service.list(namespaceId, pipelineId).stream().map(SubscriptionView::from).toList());
    }

    @GET
    @Path("/{trigger}/{subscription_id}")
    @Requires(value = ResourceKind.SUBSCRIPTIONS, action = Action.READ)
    public SubscriptionResponse get(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("trigger") String trigger,
            @PathParam("subscription_id") String subscriptionId) {
        return new SubscriptionResponse(
                SubscriptionView.from(service.get(namespaceId, pipelineId, trigger, subscriptionId)));
    }

    @DELETE
    @Path("/{trigger}/{subscription_id}")
    @Requires(value = ResourceKind.SUBSCRIPTIONS, action = Action.DELETE)
    public Response delete(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("trigger") String trigger,
            @PathParam("subscription_id") String subscriptionId) {
        service.delete(namespaceId, pipelineId, trigger, subscriptionId);
        return Response.noContent().build();
    }
}
