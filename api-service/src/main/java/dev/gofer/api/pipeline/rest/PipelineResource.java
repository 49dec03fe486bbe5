package dev.gofer.api.pipeline.rest;

import java.net.URI;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.gofer.api.ApiException;
import dev.gofer.api.pipeline.service.DeploymentService;
import dev.gofer.api.pipeline.service.PipelineDefinition;
import dev.gofer.api.pipeline.service.PipelineService;
import dev.gofer.api.pipeline.service.PipelineViews.ConfigView;
import dev.gofer.api.pipeline.service.PipelineViews.DeploymentView;
import dev.gofer.api.pipeline.service.PipelineViews.PipelineView;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;

@Path("/api/namespaces/{namespace_id}/pipelines")
@Produces(MediaType.APPLICATION_JSON)
public class PipelineResource {

    public record PipelinesResponse(List<PipelineView> pipelines) {
    }

    public record PipelineResponse(PipelineView pipeline) {
    }

    public record ConfigsResponse(List<ConfigView> configs) {
    }

    public record ConfigResponse(ConfigView config) {
    }

    public record DeploymentsResponse(List<DeploymentView> deployments) {
    }

    public record DeploymentResponse(DeploymentView deployment) {
    }

    @Inject
    PipelineService service;

    @Inject
    DeploymentService deployments;

    @GET
    @Operation(summary = "List the namespace's pipelines")
    @Requires(value = ResourceKind.PIPELINES, action = Action.READ)
    public PipelinesResponse list(@PathParam("namespace_id") String namespaceId) {
        return new PipelinesResponse(service.pipelines(namespaceId));
    }

    @GET
    @Path("/{pipeline_id}")
    @Operation(summary = "Get a pipeline's metadata")
    @Requires(value = ResourceKind.PIPELINES, action = Action.READ)
    public PipelineResponse get(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId) {
        return service.pipeline(namespaceId, pipelineId).map(PipelineResponse::new)
                .orElseThrow(() -> ApiException.notFound("pipeline '" + namespaceId + "/" + pipelineId
                        + "' does not exist"));
    }

    @PATCH
    @Path("/{pipeline_id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Enable or disable a pipeline", description = "state: active or disabled; a disabled"
            + " pipeline refuses runs (409).")
    @Requires(value = ResourceKind.PIPELINES, action = Action.WRITE)
    public PipelineResponse update(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, PipelineUpdateRequest body) {
        return new PipelineResponse(service.updateState(namespaceId, pipelineId, body == null ? null : body.state()));
    }

    @DELETE
    @Path("/{pipeline_id}")
    @Operation(summary = "Delete a pipeline with its configs, deployments and runs", description = "409 while any of"
            + " its runs is pending or running.")
    @Requires(value = ResourceKind.PIPELINES, action = Action.DELETE)
    public Response delete(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId) {
        service.delete(namespaceId, pipelineId);
        return Response.noContent().build();
    }

    @POST
    @Path("/{pipeline_id}/configs")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Register a new config version (unreleased; deploy=true also deploys it)", description = "404"
            + " if the namespace does not exist; with deploy=true, 409 (and nothing stored) while another deployment"
            + " of the pipeline is running.")
    @Requires(value = ResourceKind.CONFIGS, action = Action.WRITE)
    public Response register(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @QueryParam("deploy") @DefaultValue("false") boolean deploy,
            PipelineDefinition request) {
        ConfigView config = service.register(namespaceId, pipelineId, request, deploy);
        return Response.created(URI.create(pipelinePath(namespaceId, pipelineId) + "/configs/" + config.version()))
                .entity(new ConfigResponse(config)).build();
    }

    @GET
    @Path("/{pipeline_id}/configs")
    @Operation(summary = "List config versions, newest first")
    @Requires(value = ResourceKind.CONFIGS, action = Action.READ)
    public ConfigsResponse configs(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId) {
        return new ConfigsResponse(service.configs(namespaceId, pipelineId));
    }

    @GET
    @Path("/{pipeline_id}/configs/{version}")
    @Operation(summary = "Get a config version (0 = the latest registered)")
    @Requires(value = ResourceKind.CONFIGS, action = Action.READ)
    public ConfigResponse config(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("version") int version) {
        return service.config(namespaceId, pipelineId, version).map(ConfigResponse::new)
                .orElseThrow(() -> ApiException.notFound("config version " + version + " of pipeline '"
                        + namespaceId + "/" + pipelineId + "' does not exist"));
    }

    @POST
    @Path("/{pipeline_id}/configs/{version}")
    @Operation(summary = "Deploy a config version (0 = the latest registered)", description = "The version becomes"
            + " live, the previous live one deprecated; answers the deployment record. 409 while another deployment"
            + " of the pipeline is running.")
    @Requires(value = ResourceKind.DEPLOYMENTS, action = Action.WRITE)
    public Response deploy(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("version") int version) {
        DeploymentView deployment = deployments.deploy(namespaceId, pipelineId, version);
        return Response.created(URI.create(pipelinePath(namespaceId, pipelineId) + "/deployments/"
                + deployment.deploymentId())).entity(new DeploymentResponse(deployment)).build();
    }

    @DELETE
    @Path("/{pipeline_id}/configs/{version}")
    @Operation(summary = "Delete a config version", description = "400 for the latest or the live version.")
    @Requires(value = ResourceKind.CONFIGS, action = Action.DELETE)
    public Response deleteConfig(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("version") int version) {
        service.deleteConfig(namespaceId, pipelineId, version);
        return Response.noContent().build();
    }

    @GET
    @Path("/{pipeline_id}/deployments")
    @Operation(summary = "List deployments, newest first")
    @Requires(value = ResourceKind.DEPLOYMENTS, action = Action.READ)
    public DeploymentsResponse deployments(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId) {
        return new DeploymentsResponse(deployments.list(namespaceId, pipelineId));
    }

    @GET
    @Path("/{pipeline_id}/deployments/{deployment_id}")
    @Operation(summary = "Get a deployment")
    @Requires(value = ResourceKind.DEPLOYMENTS, action = Action.READ)
    public DeploymentResponse deployment(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("deployment_id") long deploymentId) {
        return deployments.get(namespaceId, pipelineId, deploymentId).map(DeploymentResponse::new)
                .orElseThrow(() -> ApiException.notFound("deployment " + deploymentId + " of pipeline '"
                        + namespaceId + "/" + pipelineId + "' does not exist"));
    }

    private static String pipelinePath(String namespaceId, String pipelineId) {
        return "/api/namespaces/" + namespaceId + "/pipelines/" + pipelineId;
    }
}
