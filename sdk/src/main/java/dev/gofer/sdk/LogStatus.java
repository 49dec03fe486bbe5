package dev.gofer.sdk;

/**
 * How much of a task run's log is stored.
 *
 * @param lines number of stored lines
 * @param complete whether every line the container wrote is stored
 */
public record LogStatus(long lines, boolean complete) {
}
