package dev.gofer.trigger.interval.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduled.ConcurrentExecution;

import dev.gofer.trigger.interval.config.IntervalConfig;

/**
 * Every {@code gofer.trigger.interval.sweep-every} (default 1 s), fires what is due, batch after batch. Safe with
 * several trigger-service instances: each batch locks its rows with {@code SKIP LOCKED}.
 */
@ApplicationScoped
public class IntervalSweep {

    private final IntervalFirer firer;
    private final IntervalConfig config;

    public IntervalSweep(IntervalFirer firer, IntervalConfig config) {
        this.firer = firer;
        this.config = config;
    }

    @Scheduled(identity = "interval-sweep", every = "${gofer.trigger.interval.sweep-every}", concurrentExecution = ConcurrentExecution.SKIP, skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void sweep() {
        int batch = config.batchSize();
        int fired;
        do {
            fired = firer.fireDue(batch);
        } while (fired == batch);
    }
}
