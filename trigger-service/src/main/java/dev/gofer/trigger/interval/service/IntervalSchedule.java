package dev.gofer.trigger.interval.service;

import java.time.Duration;
import java.time.Instant;

/** Due times of an interval subscription: the creation time plus whole multiples of {@code every}, in milliseconds. */
public final class IntervalSchedule {

    private IntervalSchedule() {
    }

    /** The first due time: one interval after creation. */
    public static Instant first(Instant created, Duration every) {
        return Instant.ofEpochMilli(created.toEpochMilli() + stepMillis(every));
    }

    /**
     * The first due time of the series through {@code due} that is strictly after {@code now}. Fires missed while no
     * instance was running are skipped, not replayed in a burst; the series keeps its phase.
     */
    public static Instant nextAfter(Instant due, Duration every, Instant now) {
        long step = stepMillis(every);
        long d = due.toEpochMilli();
        long n = now.toEpochMilli();
        if (d > n) {
            return Instant.ofEpochMilli(d);
        }
        long steps = (n - d) / step + 1;
        return Instant.ofEpochMilli(d + steps * step);
    }

    private static long stepMillis(Duration every) {
        long step = every.toMillis();
        if (step <= 0) {
            throw new IllegalArgumentException("interval must be at least 1ms, got " + every);
        }
        return step;
    }
}
