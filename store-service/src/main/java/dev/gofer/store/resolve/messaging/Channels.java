package dev.gofer.store.resolve.messaging;

/** The reactive-messaging channel names of store-service (configured in {@code application.properties}). */
public final class Channels {

    /** {@code gofer.task-runs.resolve}, group {@code gofer-store}. */
    public static final String TASK_RUNS_RESOLVE_IN = "task-runs-resolve-in";

    private Channels() {
    }
}
