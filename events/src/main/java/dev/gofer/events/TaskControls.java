package dev.gofer.events;

import java.util.Set;

/**
 * How a task's container may run, from the task config: {@code timeout_seconds} (the worker stops a container that
 * runs longer and reports it timed out), {@code cpus} (fractional CPUs), {@code memory_bytes} (hard limit; the kernel
 * kills the container above it) and {@code network_mode} ({@code host}, {@code bridge} or {@code none}). Every field
 * is optional: {@code null} means the worker's default (no limit, the worker's network mode).
 */
public record TaskControls(Long timeoutSeconds, Double cpus, Long memoryBytes, String networkMode) {

    /** No controls: the worker's defaults. */
    public static final TaskControls NONE = new TaskControls(null, null, null, null);

    public static final Set<String> NETWORK_MODES = Set.of("host", "bridge", "none");

    /** Docker refuses less than 6 MiB of memory for a container. */
    public static final long MIN_MEMORY_BYTES = 6L * 1024 * 1024;

    public TaskControls {
        if (timeoutSeconds != null && timeoutSeconds < 1) {
            throw new InvalidEventException("field 'controls.timeout_seconds' must be >= 1");
        }
        if (cpus != null && !(cpus > 0 && cpus <= 1024)) {
            throw new InvalidEventException("field 'controls.cpus' must be > 0 and <= 1024");
        }
        if (memoryBytes != null && memoryBytes < MIN_MEMORY_BYTES) {
            throw new InvalidEventException("field 'controls.memory_bytes' must be >= " + MIN_MEMORY_BYTES);
        }
        if (networkMode != null && !NETWORK_MODES.contains(networkMode)) {
            throw new InvalidEventException("field 'controls.network_mode' must be one of host, bridge, none");
        }
    }

    /** {@code controls} itself or {@link #NONE} when absent. */
    public static TaskControls orNone(TaskControls controls) {
        return controls == null ? NONE : controls;
    }
}
