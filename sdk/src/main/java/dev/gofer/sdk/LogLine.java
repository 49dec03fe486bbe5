package dev.gofer.sdk;

/**
 * One line of a task run's log, as the live log stream delivers it.
 *
 * @param seq 1, 2, ... per task run; the stream resumes after the last seq seen
 * @param stream which output the container wrote it to ({@code stdout} or {@code stderr})
 * @param text the line without its line break
 * @param at epoch milliseconds when it was written (0 = not known)
 */
public record LogLine(long seq, String stream, String text, long at) {
}
