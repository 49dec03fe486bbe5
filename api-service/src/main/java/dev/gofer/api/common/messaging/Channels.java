package dev.gofer.api.common.messaging;

/** SmallRye channel names of api-service; topics, groups and failure strategies are in application.properties. */
public final class Channels {

    public static final String RUN_REQUESTS_IN = "run-requests-in";
    public static final String TASK_RUN_STATUS_IN = "task-run-status-in";
    public static final String TASK_RUN_LOGS_IN = "task-run-logs-in";
    public static final String WORKER_HEARTBEATS_IN = "worker-heartbeats-in";

    private Channels() {
    }
}
