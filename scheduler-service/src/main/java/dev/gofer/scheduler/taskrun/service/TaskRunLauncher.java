package dev.gofer.scheduler.taskrun.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.inject.Singleton;

import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventPublisher;
import dev.gofer.events.FailureReason;
import dev.gofer.events.PullPolicy;
import dev.gofer.events.TaskControls;
import dev.gofer.events.TaskRunFailed;
import dev.gofer.events.TaskRunReady;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunStarted;
import dev.gofer.events.Topics;
import dev.gofer.events.TransitSealer;
import dev.gofer.scheduler.config.SchedulerConfig;
import dev.gofer.scheduler.config.WorkerIdentity;
import dev.gofer.scheduler.container.ContainerInfo;
import dev.gofer.scheduler.container.ContainerRuntime;
import dev.gofer.scheduler.container.ContainerRuntimeException;
import dev.gofer.scheduler.container.ContainerSpec;
import dev.gofer.scheduler.container.ImageRef;
import dev.gofer.scheduler.container.RegistryCredentials;

/**
 * Turns a {@link TaskRunReady} into a running container: opens sealed values, pulls per pull policy, waits for a free
 * slot, creates and starts the container, publishes {@code task-run.started} and hands the container to the
 * {@link ContainerSupervisor}. Idempotent: a redelivered record finds the attempt's container by its labels and starts
 * no second one. Anything that keeps the container from starting is published as {@code task-run.failed} with reason
 * {@code scheduler_error}.
 */
@Startup
@Singleton
public class TaskRunLauncher {

    private static final Logger LOG = Logger.getLogger(TaskRunLauncher.class);

    private final ContainerRuntime runtime;
    private final ContainerSupervisor supervisor;
    private final EventPublisher publisher;
    private final SchedulerConfig config;
    private final SealedValues sealed;
    private final TaskRunCanceller canceller;
    private final String workerId;

    public TaskRunLauncher(ContainerRuntime runtime, ContainerSupervisor supervisor, EventPublisher publisher,
            SchedulerConfig config, TransitSealer sealer, WorkerIdentity worker, TaskRunCanceller canceller) {
        this.canceller = canceller;
        this.runtime = runtime;
        this.supervisor = supervisor;
        this.publisher = publisher;
        this.config = config;
        this.sealed = new SealedValues(sealer);
        this.workerId = worker.id();
        LOG.infof("worker %s: up to %d containers, network mode %s, engine %s", workerId, config.maxConcurrent(),
                config.networkMode(), config.dockerHost());
    }

    /** Returns once the container runs, or once the task run has been reported failed. */
    public void launch(TaskRunReady ready) {
        TaskRunRef ref = ready.taskRun();
        String what = ref.key() + " attempt " + ready.attempt();
        try {
            if (handledAlready(ready)) {
                return;
            }
        } catch (ContainerRuntimeException e) {
            fail(ready, "cannot look for an existing container of " + what + ": " + e.getMessage());
            return;
        }
        if (canceller.isCancelled(ref, ready.attempt())) {
            LOG.infof("%s was cancelled before it started; not starting it", what);
            return;
        }
        Map<String, String> env;
        SecretMasker masker;
        Optional<RegistryCredentials> credentials;
        ImageRef image;
        try {
            env = sealed.environment(ready);
            credentials = sealed.registryCredentials(ready);
            masker = sealed.masker(env, ready, credentials);
            image = ImageRef.parse(ready.image());
        } catch (IllegalArgumentException e) {
            fail(ready, e.getMessage());
            return;
        }
        Optional<String> imageProblem = ensureImage(image, ready.pullPolicy(), credentials);
        if (imageProblem.isPresent()) {
            // Engine messages never carry the password; masking makes sure of it for the status topic.
            fail(ready, masker.mask(imageProblem.get()));
            return;
        }
        TaskControls controls = ready.controls();
        Instant deadline = controls.timeoutSeconds() == null
                ? null
                : Instant.now().plusSeconds(controls.timeoutSeconds());
        ContainerSpec spec = new ContainerSpec(image, TaskRunContainers.name(ref, ready.attempt()),
                ready.entrypoint(), ready.command(), env,
                TaskRunContainers.labels(ref, ready.attempt(), workerId, SealedValues.sealedKeys(ready), deadline),
                controls.networkMode() == null ? config.networkMode() : controls.networkMode(),
                new ContainerSpec.Limits(controls.cpus(), controls.memoryBytes()));
        supervisor.acquireSlot();
        String containerId;
        try {
            containerId = runtime.createAndStart(spec);
        } catch (ContainerRuntimeException e) {
            supervisor.releaseSlot();
            if (e.reason() == ContainerRuntimeException.Reason.CONFLICT) {
                LOG.infof("container %s of %s exists already (started elsewhere); carrying on", spec.name(), what);
                return;
            }
            fail(ready, masker.mask("cannot run image '" + image + "': " + e.getMessage()));
            return;
        } catch (RuntimeException e) {
            supervisor.releaseSlot();
            throw e;
        }
        LOG.infof("started container %s (%s) for %s", spec.name(), containerId, what);
        boolean published = publishStarted(ready, containerId);
        supervisor.watchStarted(ref, ready.attempt(), containerId, !published,
                new WatchPolicy(masker, deadline, config.timeoutGrace()));
    }

    /**
     * True when the attempt's container exists (a redelivered record): it is watched, never started twice. Only this
     * worker's containers are adopted.
     */
    private boolean handledAlready(TaskRunReady ready) {
        String what = ready.taskRun().key() + " attempt " + ready.attempt();
        List<ContainerInfo> existing = runtime
                .listByLabels(TaskRunContainers.identity(ready.taskRun(), ready.attempt()));
        for (ContainerInfo c : existing) {
            String owner = c.labels().get(TaskRunContainers.LABEL_WORKER);
            if (!workerId.equals(owner)) {
                // Workers sharing an engine see each other's containers. The attempt is held by that worker (it
                // watches the container, or adopts it when it comes back); if it is gone, api-service's lease on the
                // attempt lapses and the next attempt is dispatched. Never a second container, never a second watcher.
                LOG.infof("container %s of %s belongs to worker %s; not starting or adopting it here", c.id(), what,
                        owner);
                return true;
            }
            if (c.created()) {
                // Created but never started (a crash in between): start afresh.
                runtime.remove(c.id());
            } else if (supervisor.isWatching(c.id())) {
                LOG.infof("container %s of %s already runs here; ignoring the redelivered record", c.id(), what);
                return true;
            } else {
                LOG.infof("container %s of %s exists without a watcher here; adopting it", c.id(), what);
                supervisor.adopt(ready.taskRun(), ready.attempt(), c.id(),
                        new WatchPolicy(
                                sealed.masker(sealed.environment(ready), ready, sealed.registryCredentials(ready)),
                                TaskRunContainers.deadline(c.labels()).orElse(null), config.timeoutGrace()));
                return true;
            }
        }
        return false;
    }

    /**
     * Pulls as the policy says, with the task's registry credentials when it has them (only for this pull: they are
     * not stored with the engine); a problem is returned as the failure message.
     */
    private Optional<String> ensureImage(ImageRef image, PullPolicy policy,
            Optional<RegistryCredentials> credentials) {
        try {
            if (policy == PullPolicy.NEVER && !runtime.imageExists(image)) {
                return Optional.of(
                        "image '" + image + "' is not present on worker " + workerId + " and pull_policy is never");
            }
            if (policy == PullPolicy.ALWAYS || policy == PullPolicy.IF_NOT_PRESENT && !runtime.imageExists(image)) {
                LOG.infof("pulling image %s (pull_policy %s)", image, policy.wire());
                runtime.pull(image, credentials, config.pullTimeout());
            }
            return Optional.empty();
        } catch (ContainerRuntimeException e) {
            // The runtime's message names the action, the image and the registry user (or their absence):
            // "cannot pull image 'x' as registry user 'u': <engine's reason>".
            if (e.reason() == ContainerRuntimeException.Reason.UNAUTHORIZED) {
                return Optional.of(e.getMessage() + (credentials.isPresent()
                        ? " (check the task's registry_auth and the image name)"
                        : " (the task has no registry_auth)"));
            }
            return Optional.of(e.getMessage());
        }
    }

    private boolean publishStarted(TaskRunReady ready, String containerId) {
        try {
            publisher.publishAndWait(Topics.TASK_RUN_STATUS, Envelope.of(ready.taskRun().key(),
                    new TaskRunStarted(ready.taskRun(), ready.attempt(), workerId, containerId)),
                    config.publishTimeout());
            return true;
        } catch (EventPublisher.PublishException e) {
            LOG.warnf("cannot publish task-run.started of %s yet (the watcher retries): %s", ready.taskRun().key(),
                    e.getMessage());
            return false;
        }
    }

    private void fail(TaskRunReady ready, String message) {
        LOG.warnf("task run %s attempt %d failed: %s", ready.taskRun().key(), ready.attempt(), message);
        publisher.publishAndWait(Topics.TASK_RUN_STATUS,
                Envelope.of(ready.taskRun().key(), new TaskRunFailed(ready.taskRun(), ready.attempt(),
                        FailureReason.SCHEDULER_ERROR, message, workerId)),
                config.publishTimeout());
    }
}
