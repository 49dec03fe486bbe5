package dev.gofer.api.run.persistence;

import java.util.Collection;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

@ApplicationScoped
public class TaskRunAttemptRepository implements PanacheRepository<TaskRunAttempt> {

    /** The earlier attempts of these task runs, by task run and attempt. */
    public List<TaskRunAttempt> listByTaskRuns(Collection<Long> taskRunPks) {
        if (taskRunPks.isEmpty()) {
            return List.of();
        }
        return list("taskRunPk in ?1 order by taskRunPk, attempt", taskRunPks);
    }
}
