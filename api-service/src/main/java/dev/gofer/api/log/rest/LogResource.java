package dev.gofer.api.log.rest;

import java.util.List;

import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

import org.eclipse.microprofile.openapi.annotations.Operation;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.vertx.core.http.HttpServerResponse;

import dev.gofer.api.ApiException;
import dev.gofer.api.log.service.LogFollowers;
import dev.gofer.api.log.service.LogService;
import dev.gofer.api.log.service.LogService.TaskLog;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Requires;
import dev.gofer.support.auth.ResourceKind;
import dev.gofer.support.problem.FieldError;

/** A task run's log: the plain-text download, a live stream of server-sent events, and its removal. */
@Path("/api/namespaces/{namespace_id}/pipelines/{pipeline_id}/runs/{run_id}/tasks/{task_id}/logs")
public class LogResource {

    /** Clients reconnect this long after a stream broke (the SSE {@code retry} field). */
    static final long RECONNECT_MILLIS = 1000;

    @Inject
    LogService logs;

    @Inject
    LogFollowers followers;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(summary = "Download a task run's log: every stored line, in the order written", description = "The"
            + " current attempt's log, or that of an earlier attempt with ?attempt=<n>.")
    @Requires(value = ResourceKind.TASK_RUNS, action = Action.READ)
    public Response logs(@PathParam("namespace_id") String namespaceId, @PathParam("pipeline_id") String pipelineId,
            @PathParam("run_id") long runId, @PathParam("task_id") String taskId,
            @QueryParam("attempt") Integer attempt) {
        if (attempt != null && attempt < 1) {
            throw ApiException.invalid("Invalid log request",
                    List.of(new FieldError("attempt", "must be an attempt number (1 or more)")));
        }
        TaskLog log = logs.find(namespaceId, pipelineId, runId, taskId, attempt)
                .orElseThrow(() -> noTaskRun(namespaceId, pipelineId, runId, taskId));
        StreamingOutput body = out -> logs.writeText(log, out);
        return Response.ok(body, "text/plain;charset=UTF-8").build();
    }

    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Follow a task run's log live (server-sent events)", description = "Every stored line, then"
            + " new lines as they arrive: 'id: <seq>', 'event: line', data {seq, stream, text, at}. When the task run"
            + " is complete and every line is sent: 'event: end', data {lines}, and the stream closes. Resumes after"
            + " the Last-Event-ID header (or ?after=<seq>): nothing missed, nothing twice.")
    @Requires(value = ResourceKind.TASK_RUNS, action = Action.READ)
    public void stream(@PathParam("namespace_id") String namespaceId, @PathParam("pipeline_id") String pipelineId,
            @PathParam("run_id") long runId, @PathParam("task_id") String taskId,
            @HeaderParam("Last-Event-ID") String lastEventId, @QueryParam("after") String afterParam,
            @Context SseEventSink sink, @Context Sse sse, @Context HttpServerResponse response) {
        long after = resumePoint(lastEventId, afterParam);
        TaskLog log = logs.find(namespaceId, pipelineId, runId, taskId)
                .orElseThrow(() -> noTaskRun(namespaceId, pipelineId, runId, taskId));
        followers.follow(log, after, new SseLogSink(sink, sse, response, json));
    }

    @DELETE
    @Operation(summary = "Remove a complete task run's stored log lines", description = "Later downloads and streams"
            + " show no lines; lines still arriving from the worker are dropped. 409 while the task run is not"
            + " complete.")
    @Requires(value = ResourceKind.TASK_RUNS, action = Action.DELETE)
    public Response remove(@PathParam("namespace_id") String namespaceId,
            @PathParam("pipeline_id") String pipelineId, @PathParam("run_id") long runId,
            @PathParam("task_id") String taskId) {
        logs.remove(namespaceId, pipelineId, runId, taskId);
        return Response.noContent().build();
    }

    /** The last line the client has: Last-Event-ID wins over ?after= (a reconnecting EventSource keeps its URL). */
    static long resumePoint(String lastEventId, String after) {
        if (lastEventId != null && !lastEventId.isBlank()) {
            return sequence("Last-Event-ID", lastEventId);
        }
        if (after != null && !after.isBlank()) {
            return sequence("after", after);
        }
        return 0;
    }

    private static long sequence(String field, String value) {
        try {
            long seq = Long.parseLong(value.trim());
            if (seq >= 0) {
                return seq;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiException.invalid("Invalid resume point",
                List.of(new FieldError(field, "must be a line sequence number (an integer >= 0)")));
    }

    private static ApiException noTaskRun(String namespaceId, String pipelineId, long runId, String taskId) {
        return ApiException.notFound("task run '" + taskId + "' of run " + runId + " of pipeline '" + namespaceId
                + "/" + pipelineId + "' does not exist");
    }
}
