package dev.gofer.api.run.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import dev.gofer.api.ApiException;
import dev.gofer.api.log.service.LogRetention;
import dev.gofer.api.pipeline.persistence.Pipeline;
import dev.gofer.api.pipeline.persistence.PipelineConfig;
import dev.gofer.api.pipeline.persistence.PipelineConfigRepository;
import dev.gofer.api.pipeline.persistence.PipelineRepository;
import dev.gofer.api.pipeline.persistence.TaskConfig;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.api.token.service.TokenService;
import dev.gofer.events.RunChanged;
import dev.gofer.events.RunRequested;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TransitSealer;
import dev.gofer.support.transaction.AfterCommit;
import dev.gofer.support.transaction.ProcessedEvents;

/** Creates runs from run requests, whoever published them. */
@ApplicationScoped
public class RunService {

    private static final Logger LOG = Logger.getLogger(RunService.class);

    @Inject
    ProcessedEvents processed;

    @Inject
    PipelineRepository pipelines;

    @Inject
    PipelineConfigRepository configs;

    @Inject
    RunRepository runs;

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    RunAdvancer advancer;

    @Inject
    RunSlots slots;

    @Inject
    AfterCommit afterCommit;

    @Inject
    LogRetention logRetention;

    /** Where tasks reach api-service ({@code GOFER_API_URL} in their environment). */
    @ConfigProperty(name = "gofer.api-url")
    String apiUrl;

    /** The variable that carries a run's own token into the tasks with {@code inject_api_token: true}. */
    static final String RUN_TOKEN = "GOFER_API_TOKEN";
    /** A value api-service sealed itself: store-service passes it on as a sealed value, unopened. */
    static final String SEALED_PREFIX = "sealed{{";

    @Inject
    TokenService tokens;

    @Inject
    TransitSealer sealer;

    /**
     * Creates the run, its task runs with their assembled environments, and dispatches the tasks without parents,
     * all in one transaction. A request id seen before changes nothing. A request for a pipeline that does not exist,
     * has no live config or is disabled is refused with an {@link ApiException} (the consumer dead-letters it).
     */
    @Transactional
    public void onRunRequested(String requestId, Instant requestedAt, RunRequested request) {
        if (!processed.firstTime(requestId)) {
            LOG.debugf("run request %s already handled", requestId);
            return;
        }
        Pipeline pipeline = pipelines.findForUpdate(request.namespaceId(), request.pipelineId())
                .orElseThrow(() -> ApiException.notFound("pipeline '" + request.key() + "' does not exist"));
        if (!"active".equals(pipeline.state)) {
            throw new ApiException(409, "Pipeline disabled", "pipeline '" + request.key() + "' is disabled");
        }
        PipelineConfig pipelineConfig = configs.findLive(request.namespaceId(), request.pipelineId())
                .orElseThrow(() -> ApiException.conflict("pipeline '" + request.key() + "' has no live config"));
        long now = System.currentTimeMillis();
        // FIFO: a new run may only overtake nothing; it starts now only if no older run is waiting and a slot is free.
        slots.lockGlobal();
        boolean startNow = runs.countPending(request.namespaceId(), request.pipelineId()) == 0
                && slots.free(request.namespaceId(), request.pipelineId(), pipelineConfig.parallelism);

        Run run = Run.pending(request.namespaceId(), request.pipelineId(),
                runs.nextRunId(request.namespaceId(), request.pipelineId()), pipelineConfig.version,
                request.initiator().kind(), request.initiator().name(), Json.write(request.variables()), requestId);
        runs.persist(run);

        // One token for the run, for the tasks that asked for it: its secret only sealed, to each task run's key.
        String runToken = pipelineConfig.tasks.stream().anyMatch(TaskConfig::injectApiToken)
                ? tokens.createForRun(run.namespaceId, run.pipelineId, run.runId)
                : null;
        for (TaskConfig task : pipelineConfig.tasks) {
            Map<String, String> system = EnvironmentAssembler.systemVariables(run.namespaceId, run.pipelineId,
                    run.runId, task.id(), task.image(), apiUrl);
            if (task.injectApiToken()) {
                String context = new TaskRunRef(run.namespaceId, run.pipelineId, run.runId, task.id()).key();
                system.put(RUN_TOKEN, SEALED_PREFIX + sealer.seal(runToken, context) + "}}");
            }
            String variables = Json.write(EnvironmentAssembler.assemble(system, task.variables(),
                    request.variables()));
            taskRuns.persist(TaskRun.waiting(run, task, variables, now));
        }
        LOG.infof("run %s/%s/%d created from request %s (%s %s)%s", run.namespaceId, run.pipelineId, run.runId,
                requestId, run.initiatorKind, run.initiatorName, startNow ? "" : "; pending until a slot frees");
        advancer.recordRun(run, RunChanged.QUEUED);
        afterCommit.run(logRetention::wake);
        if (startNow) {
            advancer.start(run, List.copyOf(taskRuns.listByRun(run.id)));
        }
    }

    @Transactional
    public Optional<RunViews.RunView> findByRequestId(String requestId) {
        return runs.findByRequestId(requestId).map(RunViews.RunView::from);
    }
}
