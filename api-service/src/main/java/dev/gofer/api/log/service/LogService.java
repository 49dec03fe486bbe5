package dev.gofer.api.log.service;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.gofer.api.ApiException;
import dev.gofer.api.log.persistence.TaskLogRepository;
import dev.gofer.api.log.persistence.TaskLogRepository.StoredLine;
import dev.gofer.api.run.persistence.Run;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.events.LogChunk;
import dev.gofer.events.TaskRunRef;
import dev.gofer.support.sql.SqlStates;

/**
 * Task logs: storing chunks from workers (each line once), reading them in pages, following them live
 * ({@link LogFollowers}), downloading them without holding a whole log in memory, and removing them.
 */
@ApplicationScoped
public class LogService {

    private static final Logger LOG = Logger.getLogger(LogService.class);

    /** Removal causes recorded with removed logs. */
    public static final String REMOVED_BY_USER = "user";
    public static final String EXPIRED = "retention";

    /** Lines and bytes per page of a download. */
    static final int DOWNLOAD_PAGE_LINES = 2000;
    static final int DOWNLOAD_PAGE_BYTES = 1024 * 1024;

    /** The log of one attempt of a task run: the one a reader sees is the task run's current attempt. */
    public record TaskLog(TaskRunRef taskRun, int attempt) {
    }

    /** One line as the API shows it; {@code at} is epoch milliseconds (when the worker read it). */
    public record LogLineView(long seq, String stream, String text, long at) {
        static LogLineView from(StoredLine line) {
            return new LogLineView(line.seq(), line.stream(), line.text(), line.at());
        }
    }

    /**
     * Where a log stands for a reader who has every line up to {@code after}: whether the task run still exists, is
     * complete, how many lines the worker reported, whether the logs were removed, and the first stored line after
     * {@code after} (0 if none; more than {@code after + 1} means a line in between is not stored yet).
     */
    public record LogProgress(boolean exists, int attempt, boolean complete, Long expectedLines, boolean removed,
            long nextStoredSeq) {
    }

    /** The next lines after a point, without gaps; when there are none, the progress of the log. */
    public record LogPage(List<LogLineView> lines, LogProgress progress) {
    }

    /** Fired (inside the transaction) when a task run's stored lines changed; followers wake after commit. */
    public record LogsChanged(String taskRunKey) {
    }

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    TaskLogRepository logs;

    @Inject
    Event<LogsChanged> changed;

    /** The current attempt's log of a task run, or empty if there is no such task run. */
    @Transactional
    public Optional<TaskLog> find(String namespaceId, String pipelineId, long runId, String taskId) {
        return taskRuns.findByIds(namespaceId, pipelineId, runId, taskId)
                .map(t -> new TaskLog(refOf(t), t.attempt));
    }

    /**
     * The log of one attempt of a task run ({@code null}: the current one), or empty if there is no such task run;
     * 404 if the task run has no such attempt (yet).
     */
    @Transactional
    public Optional<TaskLog> find(String namespaceId, String pipelineId, long runId, String taskId, Integer attempt) {
        return taskRuns.findByIds(namespaceId, pipelineId, runId, taskId).map(t -> {
            if (attempt != null && attempt > t.attempt) {
                throw ApiException.notFound("task run '" + taskId + "' of run " + runId + " has no attempt "
                        + attempt + " (its current attempt is " + t.attempt + ")");
            }
            return new TaskLog(refOf(t), attempt == null ? t.attempt : attempt);
        });
    }

    /**
     * Stores a chunk from a worker: each line once; nothing if the attempt's logs were removed. A chunk of a task run
     * that does not exist is refused as not found (its consumer dead-letters it).
     */
    @Transactional
    public void append(LogChunk chunk) {
        boolean stored;
        try {
            stored = logs.append(chunk);
        } catch (RuntimeException e) {
            if (SqlStates.FOREIGN_KEY_VIOLATION.equals(SqlStates.of(e))) {
                throw ApiException.notFound("task run '" + chunk.taskRun().key() + "' does not exist");
            }
            throw e;
        }
        if (stored) {
            changed.fire(new LogsChanged(chunk.taskRun().key()));
        } else {
            LOG.debugf("dropping %s log lines of %s attempt %s: its logs were removed", (Object) chunk.lines().size(),
                    chunk.taskRun().key(), chunk.attempt());
        }
    }

    /**
     * Removes every stored line of the task run; lines arriving later are dropped. Only a complete task run's logs can
     * be removed (a running one is still writing them).
     */
    @Transactional
    public void remove(String namespaceId, String pipelineId, long runId, String taskId) {
        TaskRun t = taskRuns.findByIds(namespaceId, pipelineId, runId, taskId)
                .orElseThrow(() -> ApiException.notFound("task run '" + taskId + "' of run " + runId
                        + " of pipeline '" + namespaceId + "/" + pipelineId + "' does not exist"));
        if (!t.isComplete()) {
            throw ApiException.conflict("task run '" + taskId + "' of run " + runId + " is " + t.state.wire()
                    + "; its logs can be removed once it is complete");
        }
        TaskRunRef ref = refOf(t);
        long now = System.currentTimeMillis();
        for (int attempt = 1; attempt <= t.attempt; attempt++) {
            logs.remove(ref, attempt, now, REMOVED_BY_USER);
        }
        LOG.infof("logs of task run %s removed", ref.key());
        changed.fire(new LogsChanged(ref.key()));
    }

    /**
     * Expires the logs of a complete run (retention): every attempt of every task run, as a user's removal would, but
     * recorded as expired. Runs in the caller's transaction, which holds the run's row.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void expire(Run run) {
        long now = System.currentTimeMillis();
        for (TaskRun t : taskRuns.listByRun(run.id)) {
            TaskRunRef ref = refOf(t);
            for (int attempt = 1; attempt <= t.attempt; attempt++) {
                logs.remove(ref, attempt, now, EXPIRED);
            }
            changed.fire(new LogsChanged(ref.key()));
        }
        run.logsExpired = true;
    }

    /**
     * The stored lines after {@code after}, in order and without gaps, at most a page; if there are none, where the
     * log stands instead.
     */
    @Transactional
    public LogPage next(TaskLog log, long after, int maxLines, int maxBytes) {
        List<LogLineView> lines = new ArrayList<>();
        List<StoredLine> page = logs.page(log.taskRun(), log.attempt(), after, maxLines, maxBytes);
        long expected = after + 1;
        for (StoredLine line : page) {
            if (line.seq() != expected) {
                break;
            }
            lines.add(LogLineView.from(line));
            expected++;
        }
        if (!lines.isEmpty()) {
            return new LogPage(lines, null);
        }
        long nextStored = page.isEmpty() ? 0 : page.get(0).seq();
        TaskRunRef ref = log.taskRun();
        LogProgress progress = taskRuns.findByIds(ref.namespaceId(), ref.pipelineId(), ref.runId(), ref.taskId())
                .map(t -> new LogProgress(true, t.attempt, t.isComplete(), t.logLinesExpected,
                        logs.removed(ref, log.attempt()), nextStored))
                .orElseGet(() -> new LogProgress(false, log.attempt(), true, null, false, nextStored));
        return new LogPage(List.of(), progress);
    }

    /**
     * Writes every stored line of the log and a {@code \n} after each, a page at a time (each page read in a short
     * transaction of its own), so a log of any size streams in bounded memory.
     */
    public void writeText(TaskLog log, OutputStream out) throws IOException {
        long after = 0;
        while (true) {
            long from = after;
            List<StoredLine> page = QuarkusTransaction.requiringNew().call(() -> logs.page(log.taskRun(),
                    log.attempt(), from, DOWNLOAD_PAGE_LINES, DOWNLOAD_PAGE_BYTES));
            if (page.isEmpty()) {
                out.flush();
                return;
            }
            StringBuilder text = new StringBuilder();
            for (StoredLine line : page) {
                text.append(line.text()).append('\n');
            }
            out.write(text.toString().getBytes(StandardCharsets.UTF_8));
            after = page.get(page.size() - 1).seq();
        }
    }

    static TaskRunRef refOf(TaskRun t) {
        return new TaskRunRef(t.namespaceId, t.pipelineId, t.runId, t.taskId);
    }
}
