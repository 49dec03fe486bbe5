package dev.gofer.api.run.service;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.api.log.persistence.TaskLogRepository;
import dev.gofer.api.log.service.LogService;
import dev.gofer.api.run.persistence.RunRepository;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunAttempt;
import dev.gofer.api.run.persistence.TaskRunAttemptRepository;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.api.run.service.RunViews.RunView;
import dev.gofer.api.run.service.RunViews.TaskRunView;
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

    @Inject
    TaskRunAttemptRepository attempts;

    @Transactional
    public Optional<RunView> run(String namespaceId, String pipelineId, long runId) {
        return runs.findByIds(namespaceId, pipelineId, runId).map(RunView::from);
    }

    /** A page of the pipeline's runs, newest first. */
    @Transactional
    public List<RunView> runs(String namespaceId, String pipelineId, int offset, int limit) {
        return runs.page(namespaceId, pipelineId, offset, limit).stream().map(RunView::from).toList();
    }

    @Transactional
    public Optional<List<TaskRunView>> taskRuns(String namespaceId, String pipelineId, long runId) {
        return runs.findByIds(namespaceId, pipelineId, runId).map(run -> {
            List<TaskRun> all = taskRuns.listByRun(run.id);
            Map<Long, List<TaskRunAttempt>> earlier = attempts
                    .listByTaskRuns(all.stream().map(t -> t.id).toList()).stream()
                    .collect(Collectors.groupingBy(a -> a.taskRunPk));
            return all.stream().map(t -> view(t, earlier.getOrDefault(t.id, List.of()))).toList();
        });
    }

    @Transactional
    public Optional<TaskRunView> taskRun(String namespaceId, String pipelineId, long runId, String taskId) {
        return taskRuns.findByIds(namespaceId, pipelineId, runId, taskId)
                .map(t -> view(t, attempts.listByTaskRuns(List.of(t.id))));
    }

    private TaskRunView view(TaskRun t, List<TaskRunAttempt> earlier) {
        TaskRunRef ref = new TaskRunRef(t.namespaceId, t.pipelineId, t.runId, t.taskId);
        Optional<String> removal = logs.removal(ref, t.attempt);
        return TaskRunView.from(t, removal.isPresent() ? 0 : logs.count(ref, t.attempt), removal.isPresent(),
                removal.filter(LogService.EXPIRED::equals).isPresent(), earlier);
    }
}
