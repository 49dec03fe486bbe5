package dev.gofer.api.run.service;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.gofer.api.event.service.DomainEvents;
import dev.gofer.api.log.service.LogRetention;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunStatus;
import dev.gofer.api.run.service.DagDecision.Decision;
import dev.gofer.api.run.service.DagDecision.Dispatch;
import dev.gofer.api.run.service.DagDecision.RunEnd;
import dev.gofer.api.run.service.DagDecision.Skip;
import dev.gofer.api.run.service.DagDecision.Step;
import dev.gofer.api.token.service.TokenService;
import dev.gofer.events.RunChanged;
import dev.gofer.support.transaction.AfterCommit;

/**
 * Moves a run along its DAG: applies what {@link DagDecision} decides (dispatches, skips, the run's end) with the
 * events it implies, in the caller's transaction, which holds the run's lock.
 */
@ApplicationScoped
public class RunAdvancer {

    private static final Logger LOG = Logger.getLogger(RunAdvancer.class);

    @Inject
    TokenService tokens;

    @Inject
    TaskRunCommands commands;

    @Inject
    TaskRunLifecycle lifecycle;

    @Inject
    DomainEvents events;

    @Inject
    AfterCommit afterCommit;

    @Inject
    RunPromoter promoter;

    @Inject
    LogRetention logRetention;

    /** Moves a run from pending (or new) to running and dispatches the tasks that can start. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void start(Run run, List<TaskRun> all) {
        run.start(System.currentTimeMillis());
        LOG.infof("run %s started", run.key());
        recordRun(run, RunChanged.STARTED);
        advance(run, all);
    }

    /** Dispatches or skips every waiting task run whose parents are complete; completes the run when all are. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void advance(Run run, List<TaskRun> all) {
        Decision decision = DagDecision.decide(all.stream().map(DagDecision.Node::of).toList());
        Map<String, TaskRun> byTask = all.stream().collect(Collectors.toMap(t -> t.taskId, Function.identity()));
        for (Step step : decision.steps()) {
            TaskRun tr = byTask.get(step.taskId());
            long now = System.currentTimeMillis();
            if (step instanceof Dispatch) {
                commands.dispatch(tr, now);
            } else if (step instanceof Skip skip) {
                lifecycle.complete(tr, TaskRunStatus.SKIPPED, StatusReason.FAILED_PRECONDITION, skip.reason(), now);
            }
        }
        decision.runEnd().ifPresent(end -> complete(run, all, end));
    }

    /** Records a run's domain event ({@code run.queued}, {@code run.started}, ...) with its state now. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void recordRun(Run run, String kind) {
        events.record(new RunChanged(kind, run.namespaceId, run.pipelineId, run.runId, run.state.wire(),
                run.status.wire(), run.statusReason == null ? null : run.statusReason.wire()));
    }

    private void complete(Run run, List<TaskRun> all, RunEnd end) {
        afterCommit.run(promoter::wake);
        afterCommit.run(logRetention::wake);
        run.complete(end.status(), end.reason(), end.description(),
                all.stream().mapToLong(t -> t.ended).max().orElse(System.currentTimeMillis()));
        LOG.infof("run %s complete: %s", run.key(), run.status.wire());
        // The run's own token is refused from now on, by every service.
        tokens.endRun(run.namespaceId, run.pipelineId, run.runId);
        recordRun(run, RunChanged.COMPLETED);
    }
}
