package dev.gofer.api.run.service;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.TaskLogRepository;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.api.run.service.RunViews.RunView;
import dev.gofer.api.run.service.RunViews.TaskRunView;
import dev.gofer.events.LogChunk;
import dev.gofer.events.TaskRunRef;

/** Reads of runs, task runs and logs; and the append of log chunks. */
@ApplicationScoped
public class RunQueries {

    @Inject
    RunRepository runs;

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    TaskLogRepository logs;

    @Transactional
    public Optional<RunView> run(String namespaceId, String pipelineId, long runId) {
        return runs.findByIds(namespaceId, pipelineId, runId).map(RunView::from);
    }

    @Transactional
    public Optional<List<TaskRunView>> taskRuns(String namespaceId, String pipelineId, long runId) {
        return runs.findByIds(namespaceId, pipelineId, runId)
                .map(run -> taskRuns.listByRun(run.id).stream().map(this::view).toList());
    }

    @Transactional
    public Optional<TaskRunView> taskRun(String namespaceId, String pipelineId, long runId, String taskId) {
        return taskRuns.findByIds(namespaceId, pipelineId, runId, taskId).map(this::view);
    }

    /** The lines of the task run's current attempt, or empty if there is no such task run. */
    @Transactional
    public Optional<List<String>> logLines(String namespaceId, String pipelineId, long runId, String taskId) {
        return taskRuns.findByIds(namespaceId, pipelineId, runId, taskId)
                .map(t -> logs.lines(new TaskRunRef(t.namespaceId, t.pipelineId, t.runId, t.taskId), t.attempt));
    }

    @Transactional
    public void appendLogs(LogChunk chunk) {
        logs.append(chunk);
    }

    private TaskRunView view(TaskRun t) {
        return TaskRunView.from(t, logs.count(new TaskRunRef(t.namespaceId, t.pipelineId, t.runId, t.taskId),
                t.attempt));
    }
}
