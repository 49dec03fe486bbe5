package dev.gofer.api.run.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import dev.gofer.api.pipeline.persistence.TaskConfig;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.events.Envelope;
import dev.gofer.events.RegistryAuth;
import dev.gofer.events.TaskRunCancel;
import dev.gofer.events.TaskRunRef;
import dev.gofer.events.TaskRunToResolve;
import dev.gofer.events.Topics;
import dev.gofer.support.outbox.Outbox;

/**
 * The commands api-service sends about task runs, through the outbox (so they exist if and only if the state change
 * that implies them commits): a task run to resolve and run, and a stop for a container.
 */
@ApplicationScoped
public class TaskRunCommands {

    @Inject
    Outbox outbox;

    /** Sends the task run's current attempt to store-service to be resolved, then to a worker. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void dispatch(TaskRun tr, long now) {
        TaskConfig task = tr.task;
        tr.dispatch(task.queueTimeoutSeconds() == null ? 0 : now + task.queueTimeoutSeconds() * 1000);
        TaskRunRef ref = tr.ref();
        RegistryAuth auth = task.registryAuth() == null
                ? null
                : new RegistryAuth(task.registryAuth().user(), task.registryAuth().pass());
        outbox.enqueue(Topics.TASK_RUNS_RESOLVE, Envelope.of(ref.key(), new TaskRunToResolve(ref, tr.attempt,
                task.image(), task.entrypoint(), task.command(), Json.variables(tr.variables), auth,
                task.pullPolicy(), task.controls())));
    }

    /** Tells the worker of the attempt to stop its container (SIGTERM, SIGKILL after {@code graceSeconds}). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(TaskRun tr, int attempt, int graceSeconds, String reason) {
        cancel(tr, attempt, graceSeconds, reason, null);
    }

    /** Like {@link #cancel(TaskRun, int, int, String)}, for one container of the attempt only (null: any). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void cancel(TaskRun tr, int attempt, int graceSeconds, String reason, String containerId) {
        TaskRunRef ref = tr.ref();
        outbox.enqueue(Topics.TASK_RUNS_CANCEL,
                Envelope.of(ref.key(), new TaskRunCancel(ref, attempt, graceSeconds, reason, containerId)));
    }
}
