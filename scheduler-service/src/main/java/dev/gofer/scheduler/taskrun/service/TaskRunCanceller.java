package dev.gofer.scheduler.taskrun.service;

import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunRef;
import dev.gofer.scheduler.config.WorkerIdentity;
import dev.gofer.scheduler.container.ContainerInfo;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerRuntimeException;

/**
 * Carries out {@code task-run.cancel}: stops this worker's container of the attempt (only the one named, when the
 * cancel names a {@code container_id}) with SIGTERM, SIGKILL after the grace, and remembers the attempt so that a
 * ready record arriving later is not started. The container's watcher
 * reports the exit as usual; api-service records it as cancelled.
 */
@Singleton
public class TaskRunCanceller {

    private static final Logger LOG = Logger.getLogger(TaskRunCanceller.class);
    private static final int REMEMBERED = 10_000;

    private final ContainerRuntime runtime;
    private final String workerId;
    private final Set<String> cancelled = Collections.synchronizedSet(Collections.newSetFromMap(
            new LinkedHashMap<>() {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > REMEMBERED;
                }
            }));
    private final ExecutorService stoppers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "container-stop");
        t.setDaemon(true);
        return t;
    });

    public TaskRunCanceller(ContainerRuntime runtime, WorkerIdentity worker) {
        this.runtime = runtime;
        this.workerId = worker.id();
    }

    public void cancel(TaskRunCancel cancel) {
        cancelled.add(key(cancel.taskRun(), cancel.attempt()));
        Map<String, String> labels = new HashMap<>(TaskRunContainers.identity(cancel.taskRun(), cancel.attempt()));
        labels.put(TaskRunContainers.LABEL_WORKER, workerId);
        for (ContainerInfo container : runtime.listByLabels(labels)) {
            if (cancel.containerId() != null && !cancel.containerId().equals(container.id())) {
                // A fence of another container of this attempt: this one is the attempt's own and keeps running.
                continue;
            }
            LOG.infof("stopping container %s of %s attempt %d (%s, grace %d s)", container.id(),
                    cancel.taskRun().key(), cancel.attempt(), cancel.reason(), cancel.graceSeconds());
            stoppers.execute(() -> stop(container.id(), Duration.ofSeconds(cancel.graceSeconds())));
        }
    }

    /** True when a cancel for this attempt has been seen: the attempt must not be started. */
    public boolean isCancelled(TaskRunRef taskRun, int attempt) {
        return cancelled.contains(key(taskRun, attempt));
    }

    private void stop(String containerId, Duration grace) {
        try {
            runtime.stop(containerId, grace);
        } catch (ContainerRuntimeException e) {
            LOG.warnf("cannot stop container %s: %s", containerId, e.getMessage());
        }
    }

    private static String key(TaskRunRef taskRun, int attempt) {
        return taskRun.key() + "#" + attempt;
    }

    @PreDestroy
    void close() {
        stoppers.shutdown();
    }
}
