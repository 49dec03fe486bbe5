package dev.gofer.api.run.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.api.ApiException;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.RunState;
import dev.gofer.api.run.persistence.StatusReason;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.api.run.persistence.TaskRunStatus;
import dev.gofer.events.RunChanged;

/**
 * Cancels runs and task runs: those not started yet end cancelled at once, running ones are stopped by their worker
 * (SIGTERM, SIGKILL after the grace) and end cancelled when it reports the exit; the rest of the run follows the DAG
 * rules.
 */
@ApplicationScoped
public class Cancellation {

    private static final String CANCELLED_BY_USER = "cancelled by user";

    @Inject
    RunRepository runs;

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    TaskRunLifecycle lifecycle;

    @Inject
    TaskRunCommands commands;

    @Inject
    RunAdvancer advancer;

    /** Cancels every unfinished task run of the run. False when the run is already complete. */
    @Transactional
    public boolean cancelRun(String namespaceId, String pipelineId, long runId, int graceSeconds) {
        Run run = lockRun(namespaceId, pipelineId, runId);
        if (run.state == RunState.COMPLETE) {
            return false;
        }
        List<TaskRun> all = taskRuns.listByRun(run.id);
        advancer.recordRun(run, RunChanged.CANCELLING);
        all.forEach(tr -> cancel(tr, graceSeconds));
        if (run.state == RunState.RUNNING || all.stream().allMatch(TaskRun::isComplete)) {
            advancer.advance(run, all);
        }
        return true;
    }

    /** Cancels one task run; its children are skipped by the DAG rules. False when it is already complete. */
    @Transactional
    public boolean cancelTaskRun(String namespaceId, String pipelineId, long runId, String taskId,
            int graceSeconds) {
        Run run = lockRun(namespaceId, pipelineId, runId);
        List<TaskRun> all = taskRuns.listByRun(run.id);
        TaskRun tr = all.stream().filter(t -> t.taskId.equals(taskId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("task run '" + taskId + "' of run " + runId
                        + " does not exist"));
        if (tr.isComplete()) {
            return false;
        }
        cancel(tr, graceSeconds);
        if (run.state == RunState.RUNNING) {
            advancer.advance(run, all);
        }
        return true;
    }

    private Run lockRun(String namespaceId, String pipelineId, long runId) {
        return runs.findForUpdate(namespaceId, pipelineId, runId)
                .orElseThrow(() -> ApiException.notFound("run " + runId + " of pipeline '" + namespaceId + "/"
                        + pipelineId + "' does not exist"));
    }

    private void cancel(TaskRun tr, int graceSeconds) {
        switch (tr.state) {
            case WAITING -> lifecycle.complete(tr, TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED,
                    CANCELLED_BY_USER, System.currentTimeMillis());
            case PROCESSING -> {
                // On its way to a worker: it ends now; a worker that has it, or gets it later, must not run it.
                lifecycle.complete(tr, TaskRunStatus.CANCELLED, StatusReason.USER_CANCELLED, CANCELLED_BY_USER,
                        System.currentTimeMillis());
                commands.cancel(tr, tr.attempt, graceSeconds, StatusReason.USER_CANCELLED.wire());
            }
            case RUNNING -> {
                tr.requestCancel();
                commands.cancel(tr, tr.attempt, graceSeconds, StatusReason.USER_CANCELLED.wire());
            }
            case COMPLETE -> {
            }
        }
    }
}
