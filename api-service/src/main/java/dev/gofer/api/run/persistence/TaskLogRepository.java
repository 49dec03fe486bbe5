package dev.gofer.api.run.persistence;

import java.sql.PreparedStatement;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.gofer.events.LogChunk;
import dev.gofer.events.LogLine;
import dev.gofer.events.TaskRunRef;

/**
 * Task log lines, keyed by (task run, attempt, seq): appending a chunk twice stores each line once, and lines are
 * read back in the order the container wrote them.
 */
@ApplicationScoped
public class TaskLogRepository {

    @Inject
    EntityManager em;

    /** Batch insert; a line already stored is skipped. Runs in the caller's transaction. */
    public void append(LogChunk chunk) {
        TaskRunRef ref = chunk.taskRun();
        em.unwrap(Session.class).doWork(connection -> {
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO task_run_logs (namespace_id,"
                    + " pipeline_id, run_id, task_id, attempt, seq, stream, line, emitted)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (LogLine line : chunk.lines()) {
                    ps.setString(1, ref.namespaceId());
                    ps.setString(2, ref.pipelineId());
                    ps.setLong(3, ref.runId());
                    ps.setString(4, ref.taskId());
                    ps.setInt(5, chunk.attempt());
                    ps.setLong(6, line.seq());
                    ps.setString(7, line.stream().wire());
                    ps.setString(8, line.text());
                    ps.setLong(9, line.at().toEpochMilli());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        });
    }

    public long count(TaskRunRef ref, int attempt) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM task_run_logs WHERE namespace_id = ?1"
                + " AND pipeline_id = ?2 AND run_id = ?3 AND task_id = ?4 AND attempt = ?5")
                .setParameter(1, ref.namespaceId()).setParameter(2, ref.pipelineId()).setParameter(3, ref.runId())
                .setParameter(4, ref.taskId()).setParameter(5, attempt).getSingleResult()).longValue();
    }

    /** The text of every stored line of the attempt, in sequence order. */
    @SuppressWarnings("unchecked")
    public List<String> lines(TaskRunRef ref, int attempt) {
        return em.createNativeQuery("SELECT line FROM task_run_logs WHERE namespace_id = ?1 AND pipeline_id = ?2"
                + " AND run_id = ?3 AND task_id = ?4 AND attempt = ?5 ORDER BY seq")
                .setParameter(1, ref.namespaceId()).setParameter(2, ref.pipelineId()).setParameter(3, ref.runId())
                .setParameter(4, ref.taskId()).setParameter(5, attempt).getResultList();
    }
}
