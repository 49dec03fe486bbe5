package dev.gofer.events;

import java.util.List;

/**
 * Consecutive log lines of one task-run attempt. Consumers store lines by {@code (task run, attempt, seq)}, so a
 * redelivered chunk adds nothing twice. Topic {@link Topics#TASK_RUN_LOGS}.
 */
public record LogChunk(TaskRunRef taskRun, int attempt, List<LogLine> lines) implements LogEvent {

    public static final String TYPE = "log.chunk";

    public LogChunk {
        Require.present(taskRun, "task_run");
        lines = Require.list(lines);
        Require.noNulls(lines, "lines");
    }
}
