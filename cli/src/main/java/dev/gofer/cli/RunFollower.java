package dev.gofer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.TaskRun;

/**
 * Polls a run until it completes, printing one line per task state change as it is seen, then each task's log (once
 * the log is complete, waiting a bounded time) and finally the run's status.
 */
final class RunFollower {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private final GoferClient client;
    private final String namespace;
    private final String pipeline;
    private final long runId;
    private final PrintWriter out;
    private final Style style;
    private final boolean print;
    private final Map<String, String> lastSeen = new HashMap<>();
    private int idWidth;

    /** A follower printing to {@code out} when {@code print} is set (silent otherwise, e.g. for {@code -o json}). */
    RunFollower(GoferClient client, String namespace, String pipeline, long runId, PrintWriter out, Style style,
            boolean print) {
        this.client = client;
        this.namespace = namespace;
        this.pipeline = pipeline;
        this.runId = runId;
        this.out = out;
        this.style = style;
        this.print = print;
    }

    /** Follows the run to its end; the result holds the final run and task runs. */
    Result follow() throws InterruptedException {
        while (true) {
            Run run = client.getRun(namespace, pipeline, runId);
            // Task runs are read after the run: once the run is complete, so is every task run read here.
            List<TaskRun> tasks = client.listTaskRuns(namespace, pipeline, runId);
            printChanges(tasks);
            if (run.finished()) {
                if (print) {
                    printLogs(tasks);
                    out.println("run " + run.runId() + "  " + Describe.runState(run, style));
                    out.flush();
                }
                return new Result(run, tasks);
            }
            Thread.sleep(POLL_INTERVAL.toMillis());
        }
    }

    private void printChanges(List<TaskRun> tasks) {
        for (TaskRun task : tasks) {
            idWidth = Math.max(idWidth, task.taskId().length());
        }
        for (TaskRun task : tasks) {
            String state = Describe.taskState(task, style);
            if (!state.equals(lastSeen.put(task.taskId(), state)) && print) {
                out.println(pad(task.taskId()) + "  " + state);
            }
        }
        out.flush();
    }

    private void printLogs(List<TaskRun> tasks) throws InterruptedException {
        for (TaskRun task : tasks) {
            if (task.started() <= 0 && task.exitCode() == null && task.logs().lines() == 0) {
                continue; // never ran (skipped or cancelled before start): no log
            }
            TaskRun settled = awaitCompleteLog(task);
            String log = client.getTaskLogs(namespace, pipeline, runId, task.taskId());
            out.println(style.dim("--- " + task.taskId() + " log ---"));
            out.print(log);
            if (!log.isEmpty() && !log.endsWith("\n")) {
                out.println();
            }
            if (!settled.logs().complete()) {
                out.println(style.dim("(log may be incomplete: " + settled.logs().lines() + " lines stored within "
                        + Times.human(LOG_WAIT) + ")"));
            }
        }
        out.flush();
    }

    private TaskRun awaitCompleteLog(TaskRun task) throws InterruptedException {
        long deadline = System.nanoTime() + LOG_WAIT.toNanos();
        TaskRun current = task;
        while (!current.logs().complete() && System.nanoTime() < deadline) {
            Thread.sleep(POLL_INTERVAL.toMillis());
            current = client.getTaskRun(namespace, pipeline, runId, task.taskId());
        }
        return current;
    }

    private String pad(String taskId) {
        return taskId + " ".repeat(Math.max(0, idWidth - taskId.length()));
    }

    /** The run and its task runs as they were when the run completed. */
    record Result(Run run, List<TaskRun> taskRuns) {
    }
}
