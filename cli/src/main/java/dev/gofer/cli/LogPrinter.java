package dev.gofer.cli;

import java.io.PrintWriter;
import java.util.Collection;

/**
 * Prints log lines of one or several tasks: verbatim for one task, prefixed with the (padded, dimmed) task id for
 * several ({@code build  | compiling}). Every print holds {@link #lock()}, so lines of tasks followed on different
 * threads never interleave within a line, and other output can be ordered against them.
 */
final class LogPrinter {

    private final PrintWriter out;
    private final Style style;
    private final boolean prefixed;
    private final int width;

    /** A printer for the logs of {@code taskIds}: prefixed when there are several. */
    LogPrinter(PrintWriter out, Style style, Collection<String> taskIds) {
        this.out = out;
        this.style = style;
        this.prefixed = taskIds.size() > 1;
        this.width = taskIds.stream().mapToInt(String::length).max().orElse(0);
    }

    /** The lock every print holds. */
    Object lock() {
        return out;
    }

    void line(String taskId, String text) {
        synchronized (lock()) {
            if (prefixed) {
                out.println(style.dim(taskId + " ".repeat(Math.max(0, width - taskId.length())) + " |") + " " + text);
            } else {
                out.println(text);
            }
            out.flush();
        }
    }

    /** Prints a downloaded log (lines each ending in {@code \n}). */
    void text(String taskId, String log) {
        synchronized (lock()) {
            log.lines().forEach(text -> line(taskId, text));
        }
    }
}
