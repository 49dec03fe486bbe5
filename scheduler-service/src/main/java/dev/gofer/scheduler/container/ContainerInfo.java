package dev.gofer.scheduler.container;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * A container as the engine reports it: id, name (without Docker's leading slash), state ({@code created},
 * {@code running}, {@code exited}, ...), exit code once known (from inspect only), and labels.
 */
public record ContainerInfo(String id, String name, String state, Integer exitCode, Map<String, String> labels,
        Instant finishedAt) {

    public ContainerInfo {
        name = name != null && name.startsWith("/") ? name.substring(1) : name;
        state = state == null ? "unknown" : state;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** Without the time it finished (as a container list reports it). */
    public ContainerInfo(String id, String name, String state, Integer exitCode, Map<String, String> labels) {
        this(id, name, state, exitCode, labels, null);
    }

    /** When it exited, from inspect only; empty while it runs or when not known. */
    public Optional<Instant> finishedAtOpt() {
        return Optional.ofNullable(finishedAt);
    }

    public boolean created() {
        return "created".equals(state);
    }

    public boolean exited() {
        return "exited".equals(state) || "dead".equals(state);
    }

    public Optional<Integer> exitCodeOpt() {
        return Optional.ofNullable(exitCode);
    }
}
