package dev.gofer.events;

/** Log output of task runs, keyed {@link TaskRunRef#key()}. */
public sealed interface LogEvent extends EventPayload permits LogChunk {
}
