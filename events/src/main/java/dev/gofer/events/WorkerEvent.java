package dev.gofer.events;

/** Events about a scheduler worker, keyed by its worker id. */
public sealed interface WorkerEvent extends EventPayload permits WorkerHeartbeat {

    String workerId();
}
