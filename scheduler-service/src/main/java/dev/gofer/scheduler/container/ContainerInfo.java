package dev.gofer.scheduler.container;

import java.util.Map;
import java.util.Optional;

/**
 * A container as the engine reports it: id, name (without Docker's leading slash), state ({@code created},
 * {@code running}, {@code exited}, ...), exit code once known (from inspect only), and labels.
 */
public record ContainerInfo(String id, String name, String state, Integer exitCode, Map<String, String> labels) {

    public ContainerInfo {
        name = name != null && name.startsWith("/") ? name.substring(1) : name;
        state = state == null ? "unknown" : state;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
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
