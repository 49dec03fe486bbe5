package dev.gofer.scheduler.taskrun.service;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.quarkus.scheduler.Scheduled;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.Topics;
import dev.gofer.events.WorkerHeartbeat;
import dev.gofer.scheduler.config.SchedulerConfig;
import dev.gofer.scheduler.config.WorkerIdentity;

/**
 * Says every {@code gofer.scheduler.heartbeat-interval} that this worker is alive and which task-run attempts it
 * holds; api-service renews their leases from it and treats the worker as lost when they lapse. Fire and forget: a
 * heartbeat that does not reach Kafka is replaced by the next one.
 */
@ApplicationScoped
public class WorkerHeartbeats {

    private static final Logger LOG = Logger.getLogger(WorkerHeartbeats.class);

    private final ContainerSupervisor supervisor;
    private final EventPublisher publisher;
    private final SchedulerConfig config;
    private final String workerId;
    private volatile boolean failing;

    public WorkerHeartbeats(ContainerSupervisor supervisor, EventPublisher publisher, SchedulerConfig config,
            WorkerIdentity worker) {
        this.supervisor = supervisor;
        this.publisher = publisher;
        this.config = config;
        this.workerId = worker.id();
    }

    @Scheduled(every = "${gofer.scheduler.heartbeat-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void beat() {
        WorkerHeartbeat heartbeat = new WorkerHeartbeat(workerId, Instant.now(), config.maxConcurrent(),
                supervisor.running(), supervisor.held());
        try {
            publisher.publish(Topics.WORKER_HEARTBEATS, Envelope.of(workerId, heartbeat)).whenComplete((ok, e) -> {
                if (e != null && !failing) {
                    LOG.warnf("heartbeat of worker %s did not reach Kafka (the next one is due in %s): %s", workerId,
                            config.heartbeatInterval(), e.getMessage());
                }
                failing = e != null;
            });
        } catch (RuntimeException e) {
            LOG.warnf("cannot send the heartbeat of worker %s: %s", workerId, e.getMessage());
        }
    }
}
