package dev.gofer.events;

import java.time.Instant;

/** One line a task wrote; {@code seq} counts from 1 per attempt, in the order the container wrote them. */
public record LogLine(long seq, LogStream stream, String text, Instant at) {

    public LogLine {
        if (seq < 1) {
            throw new InvalidEventException("field 'seq' must be >= 1");
        }
        Require.present(stream, "stream");
        text = text == null ? "" : text;
        Require.present(at, "at");
    }
}
