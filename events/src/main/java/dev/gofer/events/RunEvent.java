package dev.gofer.events;

/** Events about runs of a pipeline, keyed {@code namespace/pipeline}. */
public sealed interface RunEvent extends EventPayload permits RunRequested {
}
