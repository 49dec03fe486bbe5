package dev.gofer.scheduler.taskrun.messaging;

/** Reactive Messaging channel names of this service; their settings are spelled out in application.properties. */
public final class Channels {

    /** {@code gofer.task-runs.ready}, group {@code gofer-scheduler}: task runs to run, shared among workers. */
    public static final String TASK_RUNS_READY_IN = "task-runs-ready-in";
    public static final String TASK_RUNS_CANCEL_IN = "task-runs-cancel-in";

    private Channels() {
    }
}
