package dev.gofer.support.work;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a piece of background work on a daemon thread of its own whenever it is woken; wakes that arrive while a run is
 * pending coalesce into that run. Used by the outbox relay and by services' sweeps: woken after a commit and by a
 * periodic sweep. A wake after {@link #stop()} does nothing.
 */
public final class CoalescingWorker {

    private final ExecutorService executor;
    private final Runnable work;
    private final AtomicBoolean pending = new AtomicBoolean();
    private volatile boolean stopped;

    public CoalescingWorker(String threadName, Runnable work) {
        this.executor = Executors.newSingleThreadExecutor(daemonThreads(threadName));
        this.work = work;
    }

    /** Threads that do not keep the JVM alive, all with the given name. */
    public static ThreadFactory daemonThreads(String name) {
        return r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        };
    }

    /** Asks for a run soon; cheap and idempotent. */
    public void wake() {
        if (!stopped && pending.compareAndSet(false, true)) {
            try {
                executor.execute(() -> {
                    pending.set(false);
                    if (!stopped) {
                        work.run();
                    }
                });
            } catch (RejectedExecutionException e) {
                // stopped between the check and the hand-off: nothing more runs
                pending.set(false);
            }
        }
    }

    public boolean isStopped() {
        return stopped;
    }

    /** No run starts after this; a run in progress may finish. */
    public void stop() {
        stopped = true;
        executor.shutdown();
    }
}
