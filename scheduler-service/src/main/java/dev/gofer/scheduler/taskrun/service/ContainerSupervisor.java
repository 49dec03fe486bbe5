package dev.gofer.scheduler.taskrun.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;

import dev.gofer.events.EventPublisher;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.WorkerHeartbeat;
import dev.gofer.scheduler.config.SchedulerConfig;
import dev.gofer.scheduler.config.WorkerIdentity;
import dev.gofer.scheduler.container.ContainerInfo;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerRuntimeException;

/**
 * The running containers of this worker: {@code gofer.scheduler.max-concurrent} slots (a launch waits for a free one),
 * and a bounded pool on which each container is watched to its end. At startup, containers still labelled with this
 * worker's id (left by a previous incarnation) are adopted and seen through.
 */
@Singleton
public class ContainerSupervisor {

    private static final Logger LOG = Logger.getLogger(ContainerSupervisor.class);

    private final ContainerRuntime runtime;
    private final EventPublisher publisher;
    private final SchedulerConfig config;
    private final TaskRunCanceller canceller;
    private final String workerId;
    private final Semaphore slots;
    private final ExecutorService watchers;
    private final Map<String, TaskRunContainers.Attempt> watched = new ConcurrentHashMap<>();
    /**
     * Attempts whose end this worker reported in the last {@code keep-exited}, by container id: the heartbeat still
     * lists them, because api-service may not have read the report yet (e.g. it restarted and is catching up) and
     * must not take the lapsed lease for a lost worker.
     */
    private final Map<String, Reported> reported = new ConcurrentHashMap<>();
    private volatile boolean stopping;

    public ContainerSupervisor(ContainerRuntime runtime, EventPublisher publisher, SchedulerConfig config,
            WorkerIdentity worker, TaskRunCanceller canceller) {
        this.runtime = runtime;
        this.canceller = canceller;
        this.publisher = publisher;
        this.config = config;
        this.workerId = worker.id();
        this.slots = new Semaphore(config.maxConcurrent(), true);
        this.watchers = new ThreadPoolExecutor(config.maxConcurrent(), config.maxConcurrent(), 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads());
    }

    /** Blocks until fewer than max-concurrent containers run here; the caller then owns a slot. */
    public void acquireSlot() {
        try {
            while (!slots.tryAcquire(1, TimeUnit.SECONDS)) {
                if (stopping) {
                    throw new IllegalStateException("worker " + workerId + " is stopping");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for a free container slot", e);
        }
    }

    public void releaseSlot() {
        slots.release();
    }

    /** True when this worker already watches the container. */
    public boolean isWatching(String containerId) {
        return watched.containsKey(containerId);
    }

    /**
     * The attempts this worker holds, for its heartbeat: those whose containers it watches now, and those whose end
     * it reported within {@code keep-exited} (their containers are still here).
     */
    public List<WorkerHeartbeat.HeldAttempt> held() {
        Instant since = Instant.now().minus(config.keepExited());
        reported.values().removeIf(r -> r.at().isBefore(since));
        List<WorkerHeartbeat.HeldAttempt> held = new ArrayList<>();
        watched.forEach((id, a) -> held.add(new WorkerHeartbeat.HeldAttempt(a.taskRun(), a.attempt(), id)));
        reported.forEach((id, r) -> {
            if (!watched.containsKey(id)) {
                held.add(new WorkerHeartbeat.HeldAttempt(r.attempt().taskRun(), r.attempt().attempt(), id));
            }
        });
        return held;
    }

    /** Containers running on this worker now. */
    public int running() {
        return config.maxConcurrent() - slots.availablePermits();
    }

    /**
     * Watches a container this worker just started, in the slot the caller acquired; {@code publishStarted} when the
     * caller could not publish {@code task-run.started} itself.
     */
    public void watchStarted(TaskRunRef taskRun, int attempt, String containerId, boolean publishStarted,
            WatchPolicy policy) {
        if (watched.putIfAbsent(containerId, new TaskRunContainers.Attempt(taskRun, attempt)) != null) {
            releaseSlot();
            return;
        }
        submit(taskRun, attempt, containerId, publishStarted, policy);
    }

    /**
     * Takes over a container of this worker that nobody here watches (left by its previous incarnation): waits for a
     * slot, republishes {@code task-run.started}, and sees it through. False when it is already watched here.
     */
    public boolean adopt(TaskRunRef taskRun, int attempt, String containerId, WatchPolicy policy) {
        if (watched.putIfAbsent(containerId, new TaskRunContainers.Attempt(taskRun, attempt)) != null) {
            return false;
        }
        try {
            acquireSlot();
        } catch (RuntimeException e) {
            watched.remove(containerId);
            throw e;
        }
        submit(taskRun, attempt, containerId, true, policy);
        return true;
    }

    private void submit(TaskRunRef taskRun, int attempt, String containerId, boolean publishStarted,
            WatchPolicy policy) {
        ContainerWatch watch = new ContainerWatch(runtime, publisher, config.publishTimeout(), workerId, taskRun,
                attempt, containerId, publishStarted, policy, config.keepExited(), ended -> {
                    if (ended && canceller.isCancelled(taskRun, attempt)) {
                        // Cancelled or fenced: the canceller remembers the attempt, so a redelivered ready record
                        // will not start it again; nothing is gained by keeping the container.
                        removeQuietly(containerId);
                    } else if (ended && !config.keepExited().isZero()) {
                        reported.put(containerId,
                                new Reported(new TaskRunContainers.Attempt(taskRun, attempt), Instant.now()));
                    }
                    watched.remove(containerId);
                    releaseSlot();
                });
        try {
            watchers.execute(watch);
        } catch (RejectedExecutionException e) {
            watched.remove(containerId);
            releaseSlot();
            throw new IllegalStateException("worker " + workerId + " is stopping", e);
        }
    }

    /** Containers a previous incarnation of this worker left running are adopted in the background. */
    void onStart(@Observes StartupEvent event) {
        Thread adopter = new Thread(this::adoptLeftovers, "gofer-adopt-leftovers");
        adopter.setDaemon(true);
        adopter.start();
    }

    private void adoptLeftovers() {
        try {
            for (ContainerInfo c : runtime.listByLabels(Map.of(TaskRunContainers.LABEL_WORKER, workerId))) {
                var attempt = TaskRunContainers.attemptOf(c.labels());
                if (attempt.isEmpty() || stopping) {
                    continue;
                }
                if (c.created()) {
                    runtime.remove(c.id());
                } else if (adopt(attempt.get().taskRun(), attempt.get().attempt(), c.id(), policyOf(c))) {
                    LOG.infof("adopted container %s of task run %s attempt %d left by this worker", c.id(),
                            attempt.get().taskRun().key(), attempt.get().attempt());
                }
            }
        } catch (ContainerRuntimeException | IllegalStateException e) {
            LOG.warnf("cannot adopt containers left by worker %s: %s", workerId, e.getMessage());
        }
    }

    /** How to watch a container found by its labels: its masker and the deadline its label keeps. */
    WatchPolicy policyOf(ContainerInfo container) {
        return new WatchPolicy(maskerOf(container), TaskRunContainers.deadline(container.labels()).orElse(null),
                config.timeoutGrace());
    }

    /**
     * The masker of a container found by its labels: the values of the env vars its label
     * {@value TaskRunContainers#LABEL_SECRET_ENV} names, read back from the engine.
     */
    SecretMasker maskerOf(ContainerInfo container) {
        List<String> keys = TaskRunContainers.secretEnvKeys(container.labels());
        if (keys.isEmpty()) {
            return SecretMasker.none();
        }
        Map<String, String> env = runtime.environment(container.id());
        return SecretMasker.of(keys.stream().map(env::get).filter(Objects::nonNull).toList());
    }

    /**
     * Removes this worker's exited containers once they have been kept for {@code gofer.scheduler.keep-exited}
     * (never one that is still being watched, i.e. not yet reported). Cancelled and fenced ones are removed as soon as
     * their exit is reported.
     */
    @Scheduled(every = "${gofer.scheduler.reap-interval:30s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void reapExited() {
        if (stopping || config.keepExited().isZero()) {
            return;
        }
        Instant before = Instant.now().minus(config.keepExited());
        try {
            for (ContainerInfo listed : runtime.listByLabels(Map.of(TaskRunContainers.LABEL_WORKER, workerId))) {
                if (!listed.exited() || watched.containsKey(listed.id())) {
                    continue;
                }
                Optional<Instant> finished = runtime.inspect(listed.id()).flatMap(ContainerInfo::finishedAtOpt);
                if (finished.isPresent() && finished.get().isBefore(before) && !watched.containsKey(listed.id())) {
                    runtime.remove(listed.id());
                    LOG.debugf("removed container %s, exited at %s", listed.id(), finished.get());
                }
            }
        } catch (ContainerRuntimeException e) {
            LOG.warnf("cannot remove exited containers of worker %s (next try in a while): %s", workerId,
                    e.getMessage());
        }
    }

    private void removeQuietly(String containerId) {
        try {
            runtime.remove(containerId);
        } catch (ContainerRuntimeException e) {
            LOG.warnf("cannot remove container %s yet (the reaper tries again): %s", containerId, e.getMessage());
        }
    }

    /** An attempt whose end was reported, and when. */
    private record Reported(TaskRunContainers.Attempt attempt, Instant at) {
    }

    /**
     * On shutdown: running containers stay (the next incarnation adopts them); exited ones whose end was reported are
     * removed — they were kept only against a redelivered ready record, and a clean stop commits the offsets, so
     * nothing is delivered again. Kept until the next start, they would be left behind for good if this worker id
     * never came back.
     */
    @PreDestroy
    void stop() {
        stopping = true;
        watchers.shutdownNow();
        try {
            if (!watchers.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warnf("%d container watches did not stop in time", watched.size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        int removed = 0;
        for (String containerId : reported.keySet()) {
            if (!watched.containsKey(containerId)) {
                removeQuietly(containerId);
                removed++;
            }
        }
        reported.clear();
        if (removed > 0) {
            LOG.infof("removed %d exited containers whose end was reported", removed);
        }
    }

    private static ThreadFactory threads() {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, "gofer-container-watch-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
