package dev.gofer.scheduler.taskrun.service;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.jboss.logging.Logger;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventPayload;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.FailureReason;
import dev.gofer.events.LogChunk;
import dev.gofer.events.LogLine;
import dev.gofer.events.LogStream;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.Topics;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerRuntimeException;
import dev.gofer.scheduler.container.LogFollow;

/**
 * Sees one running container through: publishes its output as {@link LogChunk}s (at {@link #MAX_LINES} lines,
 * {@link #MAX_CHUNK_BYTES} or {@link #FLUSH_INTERVAL}, whichever comes first; up to {@link #MAX_IN_FLIGHT} chunks
 * unacknowledged at a time, so a burst is not slowed to one broker round trip per chunk), waits for its exit, publishes
 * {@link TaskRunExited} once every chunk is acknowledged, then removes the container. Every record is retried until
 * Kafka takes it (consumers dedupe), because nothing else would report this container. Interrupted (worker shutdown),
 * it leaves the container in place for a later adoption.
 */
final class ContainerWatch implements Runnable {

    static final int MAX_LINES = 1000;
    /** Chunks sent but not yet acknowledged; a chunk that fails is sent again (consumers store each line once). */
    static final int MAX_IN_FLIGHT = 8;
    static final Duration FLUSH_INTERVAL = Duration.ofMillis(100);
    /** Rough JSON size of a chunk's lines; keeps a chunk well under Kafka's default 1 MiB record limit. */
    static final int MAX_CHUNK_BYTES = 512 * 1024;
    /** Lines buffered between the engine's stream and Kafka; a full buffer slows the stream down. */
    static final int QUEUE_CAPACITY = 4 * MAX_LINES;
    /** The longest a task may run once its output has ended prematurely (stream broken) before it is reported lost. */
    static final Duration MAX_EXIT_WAIT = Duration.ofDays(7);

    private static final Logger LOG = Logger.getLogger(ContainerWatch.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final LogLine WAKE_UP = new LogLine(1, LogStream.STDOUT, "", java.time.Instant.EPOCH);

    private final ContainerRuntime runtime;
    private final EventPublisher publisher;
    private final Duration publishTimeout;
    private final String workerId;
    private final TaskRunRef taskRun;
    private final int attempt;
    private final String containerId;
    private final boolean publishStarted;
    private final WatchPolicy policy;
    private final Duration keepExited;
    private final AtomicBoolean timedOut = new AtomicBoolean();
    /** Called once the watch ends, with whether the attempt's end (exit or failure) was published. */
    private final Consumer<Boolean> onDone;
    private final Clock clock = Clock.systemUTC();
    private final Deque<InFlight> inFlight = new ArrayDeque<>();

    /** A chunk on its way to the broker. */
    private record InFlight(Envelope<?> envelope, CompletableFuture<?> ack) {
    }

    ContainerWatch(ContainerRuntime runtime, EventPublisher publisher, Duration publishTimeout, String workerId,
            TaskRunRef taskRun, int attempt, String containerId, boolean publishStarted, WatchPolicy policy,
            Duration keepExited, Consumer<Boolean> onDone) {
        this.runtime = runtime;
        this.publisher = publisher;
        this.publishTimeout = publishTimeout;
        this.workerId = workerId;
        this.taskRun = taskRun;
        this.attempt = attempt;
        this.containerId = containerId;
        this.publishStarted = publishStarted;
        this.policy = policy;
        this.keepExited = keepExited;
        this.onDone = onDone;
    }

    @Override
    public void run() {
        boolean reported = false;
        try {
            if (publishStarted) {
                publish(Topics.TASK_RUN_STATUS, new TaskRunStarted(taskRun, attempt, workerId, containerId));
            }
            CompletableFuture<Void> timer = startTimer();
            long lines = streamLogs();
            OptionalInt exitCode = exitCode();
            timer.cancel(false);
            if (exitCode.isPresent()) {
                publish(Topics.TASK_RUN_STATUS,
                        new TaskRunExited(taskRun, attempt, workerId, exitCode.getAsInt(), lines, timedOut.get(),
                                containerId));
                LOG.infof("task run %s attempt %d exited with %d after %d log lines%s", taskRun.key(), attempt,
                        exitCode.getAsInt(), lines, timedOut.get() ? " (stopped: timed out)" : "");
            } else {
                publish(Topics.TASK_RUN_STATUS, new TaskRunFailed(taskRun, attempt, FailureReason.SCHEDULER_ERROR,
                        "lost track of container " + containerId + "; its exit code is unknown", workerId));
            }
            reported = true;
            if (keepExited.isZero()) {
                remove();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.infof("stopped watching container %s of task run %s attempt %d (worker stopping); it stays for "
                    + "adoption by label", containerId, taskRun.key(), attempt);
        } catch (RuntimeException e) {
            LOG.errorf(e, "watching container %s of task run %s attempt %d failed", containerId, taskRun.key(),
                    attempt);
        } finally {
            onDone.accept(reported);
        }
    }

    /**
     * At the deadline (if any) the container is stopped (SIGTERM, SIGKILL after the grace) and its exit is reported
     * as timed out. A deadline already past (an adopted container) stops it at once.
     */
    private CompletableFuture<Void> startTimer() {
        if (!policy.hasDeadline()) {
            return CompletableFuture.completedFuture(null);
        }
        long delay = Math.max(0, policy.deadline().toEpochMilli() - clock.millis());
        return CompletableFuture.runAsync(this::stopForTimeout,
                CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS));
    }

    private void stopForTimeout() {
        timedOut.set(true);
        LOG.infof("task run %s attempt %d ran past its deadline %s; stopping container %s", taskRun.key(), attempt,
                policy.deadline(), containerId);
        try {
            runtime.stop(containerId, policy.stopGrace());
        } catch (ContainerRuntimeException e) {
            LOG.warnf("cannot stop container %s that timed out: %s", containerId, e.getMessage());
        }
    }

    /** Follows the output to its end, publishing chunks as it goes; returns the number of lines. */
    private long streamLogs() throws InterruptedException {
        BlockingQueue<LogLine> queue = new ArrayBlockingQueue<>(QUEUE_CAPACITY);
        AtomicBoolean closed = new AtomicBoolean();
        LogLineAssembler assembler = new LogLineAssembler(line -> offer(queue, line, closed), clock, policy.masker());
        LogFollow follow;
        try {
            follow = runtime.followLogs(containerId, assembler::accept);
        } catch (ContainerRuntimeException e) {
            LOG.warnf("cannot follow the output of container %s: %s", containerId, e.getMessage());
            return 0;
        }
        follow.completion().whenComplete((ok, error) -> {
            if (error != null && !closed.get()) {
                LOG.warnf("the output of container %s broke off: %s", containerId, error.getMessage());
            }
            queue.offer(WAKE_UP);
        });
        Batch batch = new Batch();
        try {
            while (true) {
                LogLine next = queue.poll(batch.millisToDeadline(), TimeUnit.MILLISECONDS);
                while (next != null) {
                    batch.add(next);
                    next = queue.poll();
                }
                // The engine hands over every frame before it completes the follow: done + empty = nothing left.
                if (follow.completion().isDone() && queue.isEmpty()) {
                    assembler.finish();
                    List<LogLine> rest = new ArrayList<>();
                    queue.drainTo(rest);
                    for (LogLine line : rest) {
                        batch.add(line);
                    }
                    batch.flush();
                    awaitInFlight(0);
                    return assembler.lines();
                }
                if (batch.due()) {
                    batch.flush();
                }
            }
        } finally {
            closed.set(true);
            follow.close();
        }
    }

    /** Lines waiting to go out as one chunk. */
    private final class Batch {
        private final List<LogLine> lines = new ArrayList<>();
        private int bytes;
        private long firstAt;

        void add(LogLine line) throws InterruptedException {
            if (line == WAKE_UP) {
                return;
            }
            if (lines.isEmpty()) {
                firstAt = System.nanoTime();
            }
            lines.add(line);
            bytes += jsonSize(line.text()) + 80;
            if (lines.size() >= MAX_LINES || bytes >= MAX_CHUNK_BYTES) {
                flush();
            }
        }

        boolean due() {
            return !lines.isEmpty() && System.nanoTime() - firstAt >= FLUSH_INTERVAL.toNanos();
        }

        long millisToDeadline() {
            if (lines.isEmpty()) {
                return FLUSH_INTERVAL.toMillis();
            }
            return Math.max(0, TimeUnit.NANOSECONDS.toMillis(firstAt + FLUSH_INTERVAL.toNanos() - System.nanoTime()));
        }

        void flush() throws InterruptedException {
            if (lines.isEmpty()) {
                return;
            }
            Envelope<?> envelope = Envelope.of(taskRun.key(), new LogChunk(taskRun, attempt, List.copyOf(lines)));
            lines.clear();
            bytes = 0;
            CompletableFuture<?> ack;
            try {
                ack = publisher.publish(Topics.TASK_RUN_LOGS, envelope);
            } catch (RuntimeException e) {
                ack = CompletableFuture.failedFuture(e);
            }
            inFlight.addLast(new InFlight(envelope, ack));
            awaitInFlight(MAX_IN_FLIGHT);
        }
    }

    /** Waits until at most {@code max} chunks are unacknowledged; a chunk the broker did not take is sent again. */
    private void awaitInFlight(int max) throws InterruptedException {
        while (inFlight.size() > max) {
            InFlight oldest = inFlight.removeFirst();
            try {
                oldest.ack().get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (ExecutionException | TimeoutException e) {
                LOG.warnf("log chunk of task run %s was not acknowledged (%s); sending it again", taskRun.key(),
                        e instanceof ExecutionException ? e.getCause().getMessage() : "timeout");
                publishEnvelope(Topics.TASK_RUN_LOGS, oldest.envelope());
            }
        }
    }

    private OptionalInt exitCode() throws InterruptedException {
        try {
            return OptionalInt.of(runtime.waitForExit(containerId, MAX_EXIT_WAIT));
        } catch (ContainerRuntimeException e) {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("stopping");
            }
            LOG.warnf("cannot wait for container %s: %s; asking its state", containerId, e.getMessage());
        }
        try {
            return runtime.inspect(containerId).filter(c -> c.exited()).flatMap(c -> c.exitCodeOpt())
                    .map(OptionalInt::of).orElse(OptionalInt.empty());
        } catch (ContainerRuntimeException e) {
            LOG.warnf("cannot inspect container %s: %s", containerId, e.getMessage());
            return OptionalInt.empty();
        }
    }

    private void remove() {
        try {
            runtime.remove(containerId);
        } catch (ContainerRuntimeException e) {
            LOG.warnf("cannot remove container %s (it keeps its gofer.* labels): %s", containerId, e.getMessage());
        }
    }

    /** Publishes until Kafka acknowledges; the same envelope each time, so consumers can drop repeats. */
    private void publish(String topic, EventPayload payload) throws InterruptedException {
        publishEnvelope(topic, Envelope.of(taskRun.key(), payload));
    }

    private void publishEnvelope(String topic, Envelope<?> envelope) throws InterruptedException {
        long backoff = 200;
        while (true) {
            try {
                publisher.publishAndWait(topic, envelope, publishTimeout);
                return;
            } catch (RuntimeException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedException("stopping");
                }
                LOG.warnf("cannot publish %s of task run %s to %s, retrying in %d ms: %s", envelope.type(),
                        taskRun.key(), topic, backoff, e.getMessage());
                Thread.sleep(backoff);
                backoff = Math.min(backoff * 2, MAX_BACKOFF.toMillis());
            }
        }
    }

    private static void offer(BlockingQueue<LogLine> queue, LogLine line, AtomicBoolean closed) {
        try {
            while (!queue.offer(line, 200, TimeUnit.MILLISECONDS)) {
                if (closed.get()) {
                    return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Upper estimate of a text's size once written as a JSON string. */
    static int jsonSize(String text) {
        int size = 2;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            size += c < 0x20 ? 6 : c == '"' || c == '\\' ? 2 : c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
        }
        return size;
    }
}
