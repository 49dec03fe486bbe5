package dev.gofer.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.TaskRunState;

/**
 * Follows a run to its end: polls the run and its task runs, printing one line per task state change as it is seen,
 * and streams each task's log live (SSE) from the moment the task is seen to start, prefixed with the task id when
 * the run has several tasks. A task's {@code complete} line is held back until its log has ended, so it comes after
 * the task's last log line. Once the run is complete it waits a bounded time for the logs to end, then prints the
 * run's status. A task that failed, was skipped or cancelled is named with its reason and its description (why it
 * could not run), so the follow output alone says what went wrong.
 */
final class RunFollower {

    static final Duration POLL_INTERVAL = Duration.ofMillis(250);
    static final Duration LOG_WAIT = Duration.ofSeconds(10);

    private final GoferClient client;
    private final String namespace;
    private final String pipeline;
    private final long runId;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Style style;
    private final boolean print;
    private final Map<String, String> lastSeen = new HashMap<>();
    private final Map<String, String> heldBack = new LinkedHashMap<>();
    private final Set<String> logEnded = new HashSet<>();
    private LogPrinter printer;
    private LogTail tail;
    private int idWidth;

    /** A follower printing to {@code out} when {@code print} is set (silent otherwise, e.g. for {@code -o json}). */
    RunFollower(GoferClient client, String namespace, String pipeline, long runId, PrintWriter out, PrintWriter err,
            Style style, boolean print) {
        this.client = client;
        this.namespace = namespace;
        this.pipeline = pipeline;
        this.runId = runId;
        this.out = out;
        this.err = err;
        this.style = style;
        this.print = print;
    }

    /** Follows the run to its end; the result holds the final run and task runs. */
    Result follow() throws InterruptedException {
        try {
            while (true) {
                Run run = client.getRun(namespace, pipeline, runId);
                // Task runs are read after the run: once the run is complete, so is every task run read here.
                List<TaskRun> tasks = client.listTaskRuns(namespace, pipeline, runId);
                if (print) {
                    printChanges(tasks);
                }
                if (run.finished()) {
                    if (print) {
                        finish(run);
                    }
                    return new Result(run, tasks);
                }
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } finally {
            if (tail != null) {
                tail.close();
            }
        }
    }

    private void printChanges(List<TaskRun> tasks) {
        if (tail == null && !tasks.isEmpty()) {
            // Every task run exists from the run's start: the set of tasks (and the prefix width) is known now.
            printer = new LogPrinter(out, style, tasks.stream().map(TaskRun::taskId).toList());
            tail = new LogTail(client, namespace, pipeline, runId, printer);
        }
        synchronized (printer == null ? this : printer.lock()) {
            for (TaskRun task : tasks) {
                idWidth = Math.max(idWidth, task.taskId().length());
            }
            for (TaskRun task : tasks) {
                String state = Describe.taskState(task, style, true);
                boolean changed = !state.equals(lastSeen.put(task.taskId(), state));
                boolean complete = task.state() == TaskRunState.COMPLETE;
                if (changed && !complete) {
                    out.println(pad(task.taskId()) + "  " + state);
                }
                if (ran(task)) {
                    tail.follow(task.taskId(), task.attempt(), this::logEnded);
                }
                if (changed && complete) {
                    if (tail != null && tail.isFollowing(task.taskId(), task.attempt())
                            && !logEnded.contains(LogTail.key(task.taskId(), task.attempt()))) {
                        heldBack.put(LogTail.key(task.taskId(), task.attempt()), pad(task.taskId()) + "  " + state);
                    } else {
                        out.println(pad(task.taskId()) + "  " + state);
                    }
                }
            }
            out.flush();
        }
    }

    /** Runs on a log follower thread once the task's log has ended (or following it failed). */
    private void logEnded(String taskId, RuntimeException failure) {
        synchronized (printer.lock()) {
            logEnded.add(taskId);
            if (failure != null) {
                err.println(style.dim("warning: cannot follow the log of " + taskId + ": " + failure.getMessage()));
                err.flush();
            }
            String line = heldBack.remove(taskId);
            if (line != null) {
                out.println(line);
            }
            out.flush();
        }
    }

    private void finish(Run run) throws InterruptedException {
        List<String> unfinished = tail == null ? List.of() : tail.await(LOG_WAIT);
        if (tail != null) {
            tail.close();
        }
        synchronized (printer == null ? this : printer.lock()) {
            for (String taskId : unfinished) {
                out.println(style.dim("(the log of " + taskId + " may be incomplete: it did not end within "
                        + Times.human(LOG_WAIT) + ")"));
            }
            heldBack.values().forEach(out::println);
            heldBack.clear();
            out.println("run " + run.runId() + "  " + Describe.runState(run, style));
            out.flush();
        }
    }

    /** Whether the task has started (its log may have lines): not waiting, nor complete without ever running. */
    private static boolean ran(TaskRun task) {
        return switch (task.state()) {
            case PROCESSING, RUNNING -> true;
            case COMPLETE -> task.started() > 0 || task.exitCode() != null || task.logs().lines() > 0;
            default -> false;
        };
    }

    private String pad(String taskId) {
        return taskId + " ".repeat(Math.max(0, idWidth - taskId.length()));
    }

    /** The run and its task runs as they were when the run completed. */
    record Result(Run run, List<TaskRun> taskRuns) {
    }
}
