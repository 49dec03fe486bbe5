package dev.gofer.store.common.messaging;

/** The reactive-messaging channel names of store-service (configured in {@code application.properties}). */
public final class Channels {

    /** {@code gofer.task-runs.resolve}, group {@code gofer-store}. */
    public static final String TASK_RUNS_RESOLVE_IN = "task-runs-resolve-in";

    /** {@code gofer.events} (run events, for run-object expiry), group {@code gofer-store-runs}. */
    public static final String EVENTS_IN = "events-in";

    private Channels() {
    }
}
