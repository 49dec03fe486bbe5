package dev.gofer.api.run.rest;

import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
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
import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.run.service.Cancellation;
import dev.gofer.api.run.service.RunQueries;
import dev.gofer.api.run.service.RunStarter;
import dev.gofer.api.run.service.RunViews.RunView;
import dev.gofer.api.run.service.RunViews.TaskRunView;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;
import dev.gofer.support.problem.FieldError;

@Path("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/runs")
@Produces(MediaType.APPLICATION_JSON)
public class RunResource {

    public record StartRunRequest(Map<String, String> variables) {
    }

    public record RunResponse(RunView run) {
    }

    public record RunRequestAccepted(String requestId) {
    }

    public record RunsResponse(List<RunView> runs) {
    }

    public record TaskRunsResponse(List<TaskRunView> taskRuns) {
    }

    public record TaskRunResponse(TaskRunView taskRun) {
    }

    @Inject
    RunStarter starter;

    @Inject
    RunQueries queries;

    @Inject
    Cancellation cancellation;

    @Inject
    ApiConfig config;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Start a run of the pipeline's live config, with run variables", description = "Publishes a run request on gofer.run-requests and waits briefly for the run: 201 with the"
            + " run, or 202 with the request id if it is not created yet.")
    @Requires(value = ResourceKind.RUNS, action = Action.WRITE)
    public Response start(@PathParam("namespace_id") String namespaceId, @PathParam("pipeline_id") String pipelineId,
            StartRunRequest body) {
        Map<String, String> variables = body == null || body.variables() == null ? Map.of() : body.variables();
        RunStarter.Started started = starter.start(namespaceId, pipelineId, variables);
        return started.run().map(run -> Response.created(URI.create("/api/namespaces/" + namespaceId + "/pipelines/"
                + pipelineId + "/runs/" + run.runId())).entity(new RunResponse(run)).build())
                .orElseGet(() -> Response.accepted(new RunRequestAccepted(started.requestId())).build());
    }

    @GET
    @Operation(summary = "List the pipeline's runs, newest first")
    @Requires(value = ResourceKind.RUNS, action = Action.READ)
    public RunsResponse list(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @QueryParam("limit") @DefaultValue("50") int limit,
            @QueryParam("offset") @DefaultValue("0") int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw ApiException.invalid("Invalid page", List.of(new FieldError(limit < 1 || limit > 500
                    ? "limit"
                    : "offset", limit < 1 || limit > 500 ? "must be 1-500" : "must be 0 or more")));
        }
        return new RunsResponse(queries.runs(namespaceId, pipelineId, offset, limit));
    }

    @DELETE
    @Path("/{run_id}")
    @Operation(summary = "Cancel a run: every unfinished task run is stopped (SIGTERM, then SIGKILL after grace)")
    @Requires(value = ResourceKind.RUNS, action = Action.WRITE)
    public Response cancel(@PathParam("namespace_id") String namespaceId, @PathParam("pipeline_id") String pipelineId,
            @PathParam("run_id") long runId, @QueryParam("grace") Integer grace) {
        cancellation.cancelRun(namespaceId, pipelineId, runId, grace(grace));
        return Response.noContent().build();
    }

    @DELETE
    @Path("/{run_id}/tasks/{task_id}")
    @Operation(summary = "Cancel one task run (SIGTERM, then SIGKILL after grace)")
    @Requires(value = ResourceKind.TASK_RUNS, action = Action.WRITE)
    public Response cancelTask(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("run_id") long runId,
            @PathParam("task_id") String taskId, @QueryParam("grace") Integer grace) {
        cancellation.cancelTaskRun(namespaceId, pipelineId, runId, taskId, grace(grace));
        return Response.noContent().build();
    }

    private int grace(Integer requested) {
        if (requested == null) {
            return config.cancelGrace();
        }
        if (requested < 0 || requested > 3600) {
            throw ApiException.invalid("Invalid cancel request",
                    List.of(new FieldError("grace", "must be 0-3600 seconds")));
        }
        return requested;
    }

    @GET
    @Path("/{run_id}")
    @Operation(summary = "Get a run")
    @Requires(value = ResourceKind.RUNS, action = Action.READ)
    public RunResponse get(@PathParam("namespace_id") String namespaceId, @PathParam("pipeline_id") String pipelineId,
            @PathParam("run_id") long runId) {
        return queries.run(namespaceId, pipelineId, runId).map(RunResponse::new)
                .orElseThrow(() -> noRun(namespaceId, pipelineId, runId));
    }

    @GET
    @Path("/{run_id}/tasks")
    @Operation(summary = "List the task runs of a run")
    @Requires(value = ResourceKind.TASK_RUNS, action = Action.READ)
    public TaskRunsResponse taskRuns(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("run_id") long runId) {
        return queries.taskRuns(namespaceId, pipelineId, runId).map(TaskRunsResponse::new)
                .orElseThrow(() -> noRun(namespaceId, pipelineId, runId));
    }

    @GET
    @Path("/{run_id}/tasks/{task_id}")
    @Operation(summary = "Get a task run, with its environment (secret references shown as references)")
    @Requires(value = ResourceKind.TASK_RUNS, action = Action.READ)
    public TaskRunResponse taskRun(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("run_id") long runId,
            @PathParam("task_id") String taskId) {
        return queries.taskRun(namespaceId, pipelineId, runId, taskId).map(TaskRunResponse::new)
                .orElseThrow(() -> noTaskRun(namespaceId, pipelineId, runId, taskId));
    }

    private static ApiException noRun(String namespaceId, String pipelineId, long runId) {
        return ApiException.notFound("run " + runId + " of pipeline '" + namespaceId + "/" + pipelineId
                + "' does not exist");
    }

    private static ApiException noTaskRun(String namespaceId, String pipelineId, long runId, String taskId) {
        return ApiException.notFound("task run '" + taskId + "' of run " + runId + " of pipeline '" + namespaceId
                + "/" + pipelineId + "' does not exist");
    }
}
