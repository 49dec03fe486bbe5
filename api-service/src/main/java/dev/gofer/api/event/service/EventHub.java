package dev.gofer.api.event.service;

import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Wakes event-stream followers on this instance when events commit here; followers also poll, so events committed
 * by another api instance arrive too (within one poll interval).
 */
@ApplicationScoped
public class EventHub {

    private final Object monitor = new Object();
    private long generation;

    public void signal() {
        synchronized (monitor) {
            generation++;
            monitor.notifyAll();
        }
    }

    public long generation() {
        synchronized (monitor) {
            return generation;
        }
    }

    /** Waits until a signal after {@code seen} or the timeout, whichever first. */
    public void await(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (generation == seen) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return;
                }
                monitor.wait(Math.max(1, left / 1_000_000));
            }
        }
    }
}
