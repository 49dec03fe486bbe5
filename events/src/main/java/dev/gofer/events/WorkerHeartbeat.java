package dev.gofer.events;

import java.time.Instant;
import java.util.List;

/**
 * A worker is alive and holds these task-run attempts (their containers run on it). Published every
 * {@code gofer.scheduler.heartbeat-interval} on {@link Topics#WORKER_HEARTBEATS}, keyed by worker id. Holding an
 * attempt is a lease: api-service renews it on each heartbeat that lists the attempt, and when it lapses treats the
 * worker as lost ({@code worker_lost}). {@code capacity} is the worker's most concurrent containers, {@code running}
 * how many run now.
 */
public record WorkerHeartbeat(String workerId, Instant at, int capacity, int running, List<HeldAttempt> attempts)
        implements
            WorkerEvent {

    public static final String TYPE = "worker.heartbeat";

    /** One attempt a worker holds, with its container. */
    public record HeldAttempt(TaskRunRef taskRun, int attempt, String containerId) {
        public HeldAttempt {
            Require.present(taskRun, "attempts[].task_run");
            if (attempt < 1) {
                throw new InvalidEventException("field 'attempts[].attempt' must be >= 1");
            }
        }
    }

    public WorkerHeartbeat {
        Require.text(workerId, "worker_id");
        Require.present(at, "at");
        attempts = Require.list(attempts);
        Require.noNulls(attempts, "attempts");
    }
}
