package dev.gofer.api.lease.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;

import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.run.persistence.TaskRunRepository;
import dev.gofer.events.WorkerHeartbeat;
import dev.gofer.events.WorkerHeartbeat.HeldAttempt;

/**
 * Leases of running task runs. A worker's heartbeat renews the lease of every attempt it lists that is the current,
 * running attempt of its task run on that worker: until now + {@code gofer.api.lease-ttl}. Anything else it lists
 * (a stale attempt, a task run that is complete or unknown) renews nothing; a container of a stale attempt is stopped
 * by fencing when its worker reports it. Renewing is idempotent, so heartbeats need no dedupe; each attempt is renewed
 * in a short transaction of its own, touching one row and no run lock.
 */
@ApplicationScoped
public class LeaseService {

    private static final Logger LOG = Logger.getLogger(LeaseService.class);

    @Inject
    TaskRunRepository taskRuns;

    @Inject
    ApiConfig config;

    private volatile long startedAt = Long.MAX_VALUE;
    private volatile long firstHeartbeatAt = Long.MAX_VALUE;

    void onStart(@Observes StartupEvent event) {
        startedAt = System.currentTimeMillis();
    }

    /**
     * Whether a lapsed lease may be judged now: once this instance has read heartbeats for a whole lease TTL (counted
     * from the first one it received), or — when no heartbeat comes at all, e.g. every worker is gone — three TTLs
     * after it started. Right after a start (or a restart after downtime) leases look lapsed only because nobody
     * renewed them; the heartbeats that follow renew those whose workers are alive.
     */
    public boolean judging(long now) {
        long ttl = config.leaseTtl().toMillis();
        return now - firstHeartbeatAt >= ttl || now - startedAt >= 3 * ttl;
    }

    /** Renews the leases the heartbeat holds; answers how many it renewed. */
    public int renew(WorkerHeartbeat heartbeat) {
        if (firstHeartbeatAt == Long.MAX_VALUE) {
            firstHeartbeatAt = System.currentTimeMillis();
        }
        int renewed = 0;
        for (HeldAttempt held : heartbeat.attempts()) {
            long now = System.currentTimeMillis();
            boolean ok = QuarkusTransaction.requiringNew().call(() -> taskRuns.renewLease(held.taskRun(),
                    held.attempt(), heartbeat.workerId(), now, now + config.leaseTtl().toMillis()));
            if (ok) {
                renewed++;
            } else {
                LOG.debugf("heartbeat of %s lists %s attempt %d, which is not its running attempt; not renewed",
                        heartbeat.workerId(), held.taskRun().key(), held.attempt());
            }
        }
        return renewed;
    }
}
