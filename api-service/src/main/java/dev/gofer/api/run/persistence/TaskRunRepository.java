package dev.gofer.api.run.persistence;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import io.quarkus.hibernate.orm.panache.PanacheRepository;

import dev.gofer.events.TaskRunRef;

@ApplicationScoped
public class TaskRunRepository implements PanacheRepository<TaskRun> {

    public List<TaskRun> listByRun(long runPk) {
        return list("runPk = ?1 order by id", runPk);
    }

    public Optional<TaskRun> findByIds(String namespaceId, String pipelineId, long runId, String taskId) {
        return find("namespaceId = ?1 and pipelineId = ?2 and runId = ?3 and taskId = ?4", namespaceId, pipelineId,
                runId, taskId).firstResultOptional();
    }

    /**
     * Runs (row ids) with a task run whose deadline has passed: a retry that is due, a queue timeout, or a lease that
     * lapsed. Read without locks; the supervisor locks each run before it acts.
     */
    @SuppressWarnings("unchecked")
    public List<Long> runsWithDueDeadlines(long now, int limit) {
        List<Number> ids = getEntityManager().createNativeQuery("SELECT DISTINCT run_pk FROM task_runs"
                + " WHERE state <> 'COMPLETE' AND ((state = 'WAITING' AND retry_at > 0 AND retry_at <= ?1)"
                + " OR (state = 'PROCESSING' AND queue_deadline > 0 AND queue_deadline <= ?1)"
                + " OR (state = 'RUNNING' AND lease_expires > 0 AND lease_expires <= ?1)) LIMIT ?2")
                .setParameter(1, now).setParameter(2, limit).getResultList();
        return ids.stream().map(Number::longValue).toList();
    }

    /**
     * Renews the lease of the attempt if it is the task run's current attempt, running on that worker. Touches one row
     * and takes no run lock, so a heartbeat never waits for a run's status handling. Answers whether it renewed.
     */
    public boolean renewLease(TaskRunRef ref, int attempt, String workerId, long now, long expires) {
        return getEntityManager().createNativeQuery("UPDATE task_runs SET lease_renewed = ?1,"
                + " lease_expires = GREATEST(lease_expires, ?2) WHERE namespace_id = ?3 AND pipeline_id = ?4"
                + " AND run_id = ?5 AND task_id = ?6 AND attempt = ?7 AND worker_id = ?8 AND state = 'RUNNING'")
                .setParameter(1, now).setParameter(2, expires).setParameter(3, ref.namespaceId())
                .setParameter(4, ref.pipelineId()).setParameter(5, ref.runId()).setParameter(6, ref.taskId())
                .setParameter(7, attempt).setParameter(8, workerId).executeUpdate() == 1;
    }

    /** Reloads the task run and locks its row until the end of the transaction (waits for a heartbeat renewing it). */
    public void refreshForUpdate(TaskRun taskRun) {
        getEntityManager().refresh(taskRun, LockModeType.PESSIMISTIC_WRITE);
    }
}
