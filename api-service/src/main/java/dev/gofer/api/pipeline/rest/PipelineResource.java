package dev.gofer.api.pipeline.rest;

import java.net.URI;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.gofer.api.ApiException;
import dev.gofer.api.pipeline.service.PipelineService;
import dev.gofer.api.pipeline.service.PipelineViews.ConfigView;
import dev.gofer.api.pipeline.service.PipelineViews.PipelineView;

@Path("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    public record PipelineResponse(PipelineView pipeline) {
    }

    public record ConfigResponse(ConfigView config) {
    }

    @Inject
    PipelineService service;

    @GET
    @Operation(summary = "Get a pipeline's metadata")
    public PipelineResponse get(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId) {
        return service.pipeline(namespaceId, pipelineId).map(PipelineResponse::new)
                .orElseThrow(() -> ApiException.notFound("pipeline '" + namespaceId + "/" + pipelineId
                        + "' does not exist"));
    }

    @POST
    @Path("/configs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a new config version (deployed at once unless deploy=false)")
    public Response register(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @QueryParam("deploy") @DefaultValue("true") boolean deploy,
            PipelineConfigRequest request) {
        ConfigView config = service.register(namespaceId, pipelineId, request, deploy);
        return Response.created(URI.create("/api/namespaces/" + namespaceId + "/pipelines/" + pipelineId
                + "/configs/" + config.version())).entity(new ConfigResponse(config)).build();
    }

    @GET
    @Path("/configs/{version}")
    @Operation(summary = "Get a config version (0 = the latest registered)")
    public ConfigResponse config(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("version") int version) {
        return service.config(namespaceId, pipelineId, version).map(ConfigResponse::new)
                .orElseThrow(() -> ApiException.notFound("config version " + version + " of pipeline '"
                        + namespaceId + "/" + pipelineId + "' does not exist"));
    }
}
