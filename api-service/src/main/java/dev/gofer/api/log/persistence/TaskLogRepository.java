package dev.gofer.api.log.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.hibernate.Session;

import dev.gofer.events.LogChunk;
import dev.gofer.events.LogLine;
import dev.gofer.events.TaskRunRef;

/**
 * Task log lines, keyed by (task run, attempt, seq): appending a chunk twice stores each line once, and lines are
 * read back in the order the container wrote them, a page at a time. Removing an attempt's lines leaves a marker, so
 * that a chunk arriving later stores nothing; an append and a removal of the same task run take a PostgreSQL
 * advisory lock (shared and exclusive) so that neither can slip past the other on any api instance.
 */
@ApplicationScoped
public class TaskLogRepository {

    /** One stored line. {@code at} is epoch milliseconds. */
    public record StoredLine(long seq, String stream, String text, long at) {
    }

    private static final String TASK_RUN = "namespace_id = ? AND pipeline_id = ? AND run_id = ? AND task_id = ?"
            + " AND attempt = ?";

    @Inject
    EntityManager em;

    /**
     * Inserts the chunk's lines; a line already stored is skipped, and nothing is stored for an attempt whose logs
     * were removed. Runs in the caller's transaction. Returns whether the chunk was applied (false: removed).
     */
    public boolean append(LogChunk chunk) {
        TaskRunRef ref = chunk.taskRun();
        return em.unwrap(Session.class).doReturningWork(connection -> {
            lock(connection, ref, "pg_advisory_xact_lock_shared");
            try (PreparedStatement removed = connection
                    .prepareStatement("SELECT 1 FROM task_run_log_removals WHERE " + TASK_RUN)) {
                bind(removed, ref, chunk.attempt());
                try (ResultSet rs = removed.executeQuery()) {
                    if (rs.next()) {
                        return false;
                    }
                }
            }
            int n = chunk.lines().size();
            Long[] seqs = new Long[n];
            String[] streams = new String[n];
            String[] texts = new String[n];
            Long[] emitted = new Long[n];
            for (int i = 0; i < n; i++) {
                LogLine line = chunk.lines().get(i);
                seqs[i] = line.seq();
                streams[i] = line.stream().wire();
                texts[i] = storable(line.text());
                emitted[i] = line.at().toEpochMilli();
            }
            // One statement for the whole chunk: its lines as arrays, unnested into rows.
            try (PreparedStatement ps = connection.prepareStatement("INSERT INTO task_run_logs (namespace_id,"
                    + " pipeline_id, run_id, task_id, attempt, seq, stream, line, emitted)"
                    + " SELECT ?, ?, ?, ?, ?, l.seq, l.stream, l.line, l.emitted"
                    + " FROM unnest(?::bigint[], ?::text[], ?::text[], ?::bigint[]) AS l(seq, stream, line, emitted)"
                    + " ON CONFLICT DO NOTHING")) {
                bind(ps, ref, chunk.attempt());
                ps.setArray(6, connection.createArrayOf("bigint", seqs));
                ps.setArray(7, connection.createArrayOf("text", streams));
                ps.setArray(8, connection.createArrayOf("text", texts));
                ps.setArray(9, connection.createArrayOf("bigint", emitted));
                ps.executeUpdate();
            }
            return true;
        });
    }

    /**
     * Deletes the attempt's lines and remembers that they were removed; later appends of the attempt store nothing.
     * Runs in the caller's transaction.
     */
    public void remove(TaskRunRef ref, int attempt, long now, String reason) {
        em.unwrap(Session.class).doWork(connection -> {
            lock(connection, ref, "pg_advisory_xact_lock");
            try (PreparedStatement mark = connection.prepareStatement("INSERT INTO task_run_log_removals"
                    + " (namespace_id, pipeline_id, run_id, task_id, attempt, removed, reason)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT DO NOTHING")) {
                bind(mark, ref, attempt);
                mark.setLong(6, now);
                mark.setString(7, reason);
                mark.executeUpdate();
            }
            try (PreparedStatement delete = connection.prepareStatement("DELETE FROM task_run_logs WHERE "
                    + TASK_RUN)) {
                bind(delete, ref, attempt);
                delete.executeUpdate();
            }
        });
    }

    /** Whether the attempt's logs were removed (by a user or by retention). */
    public boolean removed(TaskRunRef ref, int attempt) {
        return removal(ref, attempt).isPresent();
    }

    /** Why the attempt's logs were removed ({@code user} or {@code retention}), or empty when they were not. */
    public Optional<String> removal(TaskRunRef ref, int attempt) {
        List<?> reasons = em.createNativeQuery("SELECT reason FROM task_run_log_removals WHERE namespace_id = ?1"
                + " AND pipeline_id = ?2 AND run_id = ?3 AND task_id = ?4 AND attempt = ?5")
                .setParameter(1, ref.namespaceId()).setParameter(2, ref.pipelineId()).setParameter(3, ref.runId())
                .setParameter(4, ref.taskId()).setParameter(5, attempt).getResultList();
        return reasons.isEmpty() ? Optional.empty() : Optional.of((String) reasons.get(0));
    }

    public long count(TaskRunRef ref, int attempt) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM task_run_logs WHERE namespace_id = ?1"
                + " AND pipeline_id = ?2 AND run_id = ?3 AND task_id = ?4 AND attempt = ?5")
                .setParameter(1, ref.namespaceId()).setParameter(2, ref.pipelineId()).setParameter(3, ref.runId())
                .setParameter(4, ref.taskId()).setParameter(5, attempt).getSingleResult()).longValue();
    }

    /**
     * The next stored lines after {@code afterSeq}, in sequence order: at most {@code maxLines}, and no more than
     * about {@code maxBytes} of text (always at least one line), so a page of long lines stays small.
     */
    public List<StoredLine> page(TaskRunRef ref, int attempt, long afterSeq, int maxLines, int maxBytes) {
        return em.unwrap(Session.class).doReturningWork(connection -> {
            List<StoredLine> lines = new ArrayList<>();
            try (PreparedStatement ps = connection.prepareStatement("SELECT seq, stream, line, emitted FROM"
                    + " (SELECT seq, stream, line, emitted, sum(octet_length(line)) OVER (ORDER BY seq) AS upto"
                    + " FROM (SELECT seq, stream, line, emitted FROM task_run_logs WHERE " + TASK_RUN
                    + " AND seq > ? ORDER BY seq LIMIT ?) l) w"
                    + " WHERE upto - octet_length(line) < ? ORDER BY seq")) {
                bind(ps, ref, attempt);
                ps.setLong(6, afterSeq);
                ps.setInt(7, maxLines);
                ps.setLong(8, maxBytes);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        lines.add(new StoredLine(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4)));
                    }
                }
            }
            return lines;
        });
    }

    /** PostgreSQL text cannot hold NUL characters; a task that prints one gets U+FFFD in its place. */
    static String storable(String text) {
        return text.indexOf('\0') < 0 ? text : text.replace('\0', '\uFFFD');
    }

    private static void lock(Connection connection, TaskRunRef ref, String function) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT " + function + "(hashtext(?))")) {
            ps.setString(1, "task-run-logs/" + ref.key());
            ps.execute();
        }
    }

    private static void bind(PreparedStatement ps, TaskRunRef ref, int attempt) throws SQLException {
        ps.setString(1, ref.namespaceId());
        ps.setString(2, ref.pipelineId());
        ps.setLong(3, ref.runId());
        ps.setString(4, ref.taskId());
        ps.setInt(5, attempt);
    }
}
