package dev.gofer.api.run.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TaskRunRepository implements PanacheRepository<TaskRun> {

    public List<TaskRun> listByRun(long runPk) {
        return list("runPk = ?1 order by id", runPk);
    }

    public Optional<TaskRun> findByIds(String namespaceId, String pipelineId, long runId, String taskId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and runId = ?3 and taskId = ?4", namespaceId, pipelineId,
                runId, taskId).firstResultOptional();
    }
}
