package dev.gofer.api.log.service;

import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import dev.gofer.api.log.service.LogService.LogLineView;
import dev.gofer.api.log.service.LogService.LogPage;
import dev.gofer.api.log.service.LogService.LogProgress;
import dev.gofer.api.log.service.LogService.TaskLog;

/**
 * One live reader of a task log. At most one pump runs at a time ({@link #running}); a wake-up while it runs is
 * remembered ({@link #dirty}) and causes another pump. A pump sends the next page of lines, then waits for the client
 * to take it (the last send's stage) before the next; with nothing new it ends the stream if the log is complete, or
 * sleeps until woken or until the poll interval has passed.
 *
 * <p>
 * Lines go out strictly in sequence, without gaps: a line stored out of order (two api instances storing neighbouring
 * chunks at the same moment) waits for the one before it, for at most the gap timeout.
 */
final class LogFollower {

    private static final Logger LOG = Logger.getLogger(LogFollower.class);

    private final LogFollowers owner;
    private final TaskLog log;
    private final LogSink sink;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean finished = new AtomicBoolean();
    private volatile boolean dirty;
    // Touched only by the pump (one at a time, handed over through `running`).
    private long after;
    private long lastSentNanos = System.nanoTime();
    private long waitingSinceNanos = -1;
    private volatile ScheduledFuture<?> timer;

    LogFollower(LogFollowers owner, TaskLog log, long after, LogSink sink) {
        this.owner = owner;
        this.log = log;
        this.after = after;
        this.sink = sink;
    }

    TaskLog log() {
        return log;
    }

    /** Something may have changed: pump now, or right after the pump that is running. */
    void wake() {
        dirty = true;
        if (!finished.get() && running.compareAndSet(false, true)) {
            submit();
        }
    }

    /** The server is stopping: close without an end, so the client resumes elsewhere or later. */
    void abandon() {
        if (finish()) {
            sink.close();
        }
    }

    void dropIfClientGone() {
        if (sink.isClosed() && finish()) {
            LOG.debugf("follower of %s gone", log.taskRun().key());
        }
    }

    private void submit() {
        try {
            owner.executor().execute(this::pump);
        } catch (RejectedExecutionException e) {
            abandon();
        }
    }

    private void pump() {
        try {
            dirty = false;
            if (finished.get() || sink.isClosed()) {
                finish();
                return;
            }
            LogPage page = owner.logs().next(log, after, owner.pageLines(), owner.pageBytes());
            if (!page.lines().isEmpty()) {
                send(page.lines());
                return;
            }
            LogProgress progress = page.progress();
            long now = System.nanoTime();
            if (isEnd(progress)) {
                if (finish()) {
                    sink.end(total(progress));
                }
                return;
            }
            if (progress.nextStoredSeq() > after + 1) {
                if (waited(now) >= owner.gapTimeout().toNanos()) {
                    LOG.warnf("log of %s attempt %d: lines %d..%d did not arrive within %s; going on with line %d",
                            log.taskRun().key(), log.attempt(), after + 1, progress.nextStoredSeq() - 1,
                            owner.gapTimeout(), progress.nextStoredSeq());
                    after = progress.nextStoredSeq() - 1;
                    waitingSinceNanos = -1;
                    again();
                    return;
                }
            } else if (progress.complete()) {
                if (waited(now) >= owner.gapTimeout().toNanos()) {
                    LOG.warnf("log of %s attempt %d: the task run is complete with %d lines, %d arrived within %s;"
                            + " ending the stream", log.taskRun().key(), log.attempt(), progress.expectedLines(),
                            after, owner.gapTimeout());
                    if (finish()) {
                        sink.end(total(progress));
                    }
                    return;
                }
            } else {
                waitingSinceNanos = -1;
            }
            if (now - lastSentNanos >= owner.keepAlive().toNanos()) {
                lastSentNanos = now;
                afterWrite(sink.keepAlive(), false);
                return;
            }
            idle();
        } catch (RuntimeException e) {
            if (!sink.isClosed()) {
                LOG.warnf(e, "following the log of %s failed; closing the stream (the client resumes)",
                        log.taskRun().key());
            }
            abandon();
        }
    }

    private void send(List<LogLineView> lines) {
        CompletionStage<?> written = sink.lines(lines);
        after = lines.get(lines.size() - 1).seq();
        lastSentNanos = System.nanoTime();
        waitingSinceNanos = -1;
        afterWrite(written, true);
    }

    /** Once the client has taken what was sent: pump again at once (more may be stored), or go idle. */
    private void afterWrite(CompletionStage<?> written, boolean more) {
        written.whenComplete((ok, error) -> {
            if (error != null) {
                abandon();
            } else if (more) {
                again();
            } else {
                idle();
            }
        });
    }

    private void again() {
        running.set(false);
        wake();
    }

    /** Sleeps until woken, or until the poll interval has passed. */
    private void idle() {
        if (timer != null) {
            timer.cancel(false);
        }
        try {
            timer = owner.executor().schedule(this::wake, owner.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            abandon();
            return;
        }
        running.set(false);
        if (dirty) {
            wake();
        }
    }

    /**
     * The stream ends when nothing more can come: the task run is gone, its logs were removed, it moved on to another
     * attempt, or it is complete and every line it wrote is sent.
     */
    private boolean isEnd(LogProgress progress) {
        if (!progress.exists() || progress.removed() || progress.attempt() != log.attempt()) {
            return true;
        }
        Long expected = progress.expectedLines();
        return progress.complete() && (expected == null || after >= expected);
    }

    /** The number of lines of the log, as the end event reports it. */
    private long total(LogProgress progress) {
        if (progress.removed()) {
            return 0;
        }
        return progress.expectedLines() != null ? progress.expectedLines() : after;
    }

    /** How long the follower has been waiting for a line it knows is missing. */
    private long waited(long now) {
        if (waitingSinceNanos < 0) {
            waitingSinceNanos = now;
        }
        return now - waitingSinceNanos;
    }

    /** Marks the follower finished, once; true for the caller that did. */
    private boolean finish() {
        if (!finished.compareAndSet(false, true)) {
            return false;
        }
        if (timer != null) {
            timer.cancel(false);
        }
        owner.done(this);
        return true;
    }
}
