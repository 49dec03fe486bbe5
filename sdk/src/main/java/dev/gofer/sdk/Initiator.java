package dev.gofer.sdk;

/**
 * Who asked for a run.
 *
 * @param kind {@code api}, {@code trigger} or {@code external}
 * @param name who exactly
 */
public record Initiator(String kind, String name) {
}
