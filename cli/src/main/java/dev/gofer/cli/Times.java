package dev.gofer.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Formats the API's epoch-millisecond timestamps (0 = not set) for people. */
final class Times {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.systemDefault());

    private Times() {
    }

    static String at(long epochMillis) {
        return epochMillis <= 0 ? "-" : FORMAT.format(Instant.ofEpochMilli(epochMillis));
    }

    static String at(Instant instant) {
        return instant == null ? "-" : FORMAT.format(instant);
    }

    /** Elapsed time from {@code started} to {@code ended} (or to now while it has not ended). */
    static String duration(long started, long ended) {
        if (started <= 0) {
            return "-";
        }
        long end = ended > 0 ? ended : System.currentTimeMillis();
        return human(Duration.ofMillis(Math.max(0, end - started)));
    }

    static String human(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long seconds = duration.toSeconds();
        if (seconds < 3600) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        return String.format(java.util.Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
    }
}
