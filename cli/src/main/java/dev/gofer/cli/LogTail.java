package dev.gofer.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

import dev.gofer.sdk.GoferClient;

/**
 * Follows the live logs of a run's tasks, one background (daemon) thread per task, through the SDK's SSE follow, and
 * prints their lines as they arrive. Closing it stops every follower that is still running.
 */
final class LogTail implements AutoCloseable {

    private final GoferClient client;
    private final String namespace;
    private final String pipeline;
    private final long runId;
    private final LogPrinter printer;
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "gofer-log-follower");
        thread.setDaemon(true);
        return thread;
    });
    private final Map<String, Future<?>> followers = new LinkedHashMap<>();

    LogTail(GoferClient client, String namespace, String pipeline, long runId, LogPrinter printer) {
        this.client = client;
        this.namespace = namespace;
        this.pipeline = pipeline;
        this.runId = runId;
        this.printer = printer;
    }

    /**
     * Starts following the log of {@code taskId}'s attempt unless it already is (a retry is a new attempt with a log of
     * its own); {@code onEnd} runs on the follower thread with {@link #key} once the log is complete ({@code null}) or
     * following failed (the exception).
     */
    synchronized void follow(String taskId, int attempt, BiConsumer<String, RuntimeException> onEnd) {
        String key = key(taskId, attempt);
        if (followers.containsKey(key)) {
            return;
        }
        followers.put(key, threads.submit(() -> {
            RuntimeException failure = null;
            try {
                client.followTaskLogs(namespace, pipeline, runId, taskId, 0, line -> printer.line(taskId, line.text()));
            } catch (RuntimeException e) {
                failure = e;
            }
            onEnd.accept(key, failure);
        }));
    }

    synchronized boolean isFollowing(String taskId, int attempt) {
        return followers.containsKey(key(taskId, attempt));
    }

    /** How a task's attempt is named in {@link #follow} and {@link #await}. */
    static String key(String taskId, int attempt) {
        return attempt <= 1 ? taskId : taskId + " (attempt " + attempt + ")";
    }

    /**
     * Waits until every follower started so far has ended, at most {@code timeout} ({@code null}: as long as it
     * takes).
     *
     * @return the tasks whose logs did not end in time
     */
    List<String> await(Duration timeout) throws InterruptedException {
        Map<String, Future<?>> started;
        synchronized (this) {
            started = new LinkedHashMap<>(followers);
        }
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        List<String> unfinished = new ArrayList<>();
        for (Map.Entry<String, Future<?>> follower : started.entrySet()) {
            try {
                if (timeout == null) {
                    follower.getValue().get();
                } else {
                    follower.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                }
            } catch (TimeoutException e) {
                unfinished.add(follower.getKey());
            } catch (ExecutionException e) {
                // reported through onEnd
            }
        }
        return unfinished;
    }

    @Override
    public void close() {
        threads.shutdownNow();
    }
}
