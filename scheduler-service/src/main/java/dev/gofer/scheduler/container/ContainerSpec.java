package dev.gofer.scheduler.container;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What to run: image, container name, entrypoint and command (empty = the image's own), environment, labels, network
 * mode and resource limits. Environment values may be opened secrets: {@link #toString()} shows only their keys.
 */
public record ContainerSpec(ImageRef image, String name, List<String> entrypoint, List<String> command,
        Map<String, String> env, Map<String, String> labels, String networkMode, Limits limits) {

    /** CPU and memory limits; {@code null} = none. */
    public record Limits(Double cpus, Long memoryBytes) {
        public static final Limits NONE = new Limits(null, null);

        /** Docker's unit for CPU limits: billionths of a CPU. */
        public Long nanoCpus() {
            return cpus == null ? null : Math.round(cpus * 1_000_000_000d);
        }
    }

    /** Docker's rule for container names. */
    public static final Pattern VALID_NAME = Pattern.compile("[a-zA-Z0-9][a-zA-Z0-9_.-]+");

    public ContainerSpec {
        if (image == null) {
            throw new IllegalArgumentException("image is required");
        }
        if (name == null || !VALID_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("container name '" + name + "' does not match " + VALID_NAME);
        }
        entrypoint = entrypoint == null ? List.of() : List.copyOf(entrypoint);
        command = command == null ? List.of() : List.copyOf(command);
        env = env == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(env));
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        networkMode = networkMode == null || networkMode.isBlank() ? "bridge" : networkMode;
        limits = limits == null ? Limits.NONE : limits;
    }

    /** Without resource limits. */
    public ContainerSpec(ImageRef image, String name, List<String> entrypoint, List<String> command,
            Map<String, String> env, Map<String, String> labels, String networkMode) {
        this(image, name, entrypoint, command, env, labels, networkMode, Limits.NONE);
    }

    /** The environment as the engine takes it, {@code KEY=value}, in order. */
    public List<String> envEntries() {
        return env.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList();
    }

    @Override
    public String toString() {
        return "ContainerSpec[image=" + image + ", name=" + name + ", entrypoint=" + entrypoint + ", command="
                + command + ", env keys=" + env.keySet() + ", labels=" + labels + ", networkMode=" + networkMode
                + ", limits=" + limits + "]";
    }
}
