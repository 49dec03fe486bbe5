package dev.gofer.events;

import java.util.List;

/**
 * Every Kafka topic of the contract. Each has a dead-letter twin ({@link #dlq(String)}) that receives records a
 * consumer could not decode or process, with the reason in headers.
 */
public final class Topics {

    /** {@link RunRequested}, keyed {@code namespace/pipeline}. Outside systems publish here. */
    public static final String RUN_REQUESTS = "gofer.run-requests";
    /** {@link TaskRunToResolve}: api-service to store-service, keyed by task run. */
    public static final String TASK_RUNS_RESOLVE = "gofer.task-runs.resolve";
    /** {@link TaskRunReady}: store-service to scheduler-service, keyed by task run; secret values sealed. */
    public static final String TASK_RUNS_READY = "gofer.task-runs.ready";
    /** {@link TaskRunStarted}, {@link TaskRunExited}, {@link TaskRunFailed}: to api-service, keyed by task run. */
    public static final String TASK_RUN_STATUS = "gofer.task-runs.status";
    /** {@link TaskRunCancel}: api-service to every worker (a consumer group per worker), keyed by task run. */
    public static final String TASK_RUNS_CANCEL = "gofer.task-runs.cancel";
    /** {@link LogChunk}: scheduler-service to api-service, keyed by task run. */
    public static final String TASK_RUN_LOGS = "gofer.task-runs.logs";

    /** {@link WorkerHeartbeat}: every worker to api-service, keyed by worker id; leases of the attempts it holds. */
    public static final String WORKER_HEARTBEATS = "gofer.workers.heartbeats";

    /** {@link DomainEvent}s: the public event stream, keyed by the aggregate. Anyone may consume it. */
    public static final String EVENTS = "gofer.events";

    /**
     * {@link TokenGrant}s: api-service to every service that checks tokens itself, keyed by token id. Compacted: the
     * latest grant of each token is kept for as long as the topic exists, so a service reads it whole at start.
     */
    public static final String TOKENS = "gofer.tokens";

    /** Suffix of every dead-letter topic. */
    public static final String DLQ_SUFFIX = ".dlq";

    /** Partitions per topic: sized so that workers and api instances can scale out without repartitioning. */
    public static final int DEFAULT_PARTITIONS = 8;

    private Topics() {
    }

    /** Whether {@code topic} is compacted (its latest record per key is its state) rather than deleted by age. */
    public static boolean compacted(String topic) {
        return TOKENS.equals(topic);
    }

    public static String dlq(String topic) {
        return topic + DLQ_SUFFIX;
    }

    /** The topics and their dead-letter twins, as created by {@link TopicProvisioner}. */
    public static List<String> all() {
        List<String> main = List.of(RUN_REQUESTS, TASK_RUNS_RESOLVE, TASK_RUNS_READY, TASK_RUN_STATUS, TASK_RUNS_CANCEL,
                TASK_RUN_LOGS, WORKER_HEARTBEATS, EVENTS, TOKENS);
        return main.stream().flatMap(t -> java.util.stream.Stream.of(t, dlq(t))).toList();
    }
}
