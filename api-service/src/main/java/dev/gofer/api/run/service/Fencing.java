package dev.gofer.api.run.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import dev.gofer.api.common.config.ApiConfig;
import dev.gofer.api.run.persistence.TaskRun;
import dev.gofer.api.run.persistence.TaskRunState;
import dev.gofer.events.TaskRunEvent;
import dev.gofer.events.TaskRunExited;
import dev.gofer.events.TaskRunStarted;

/**
 * Decides whether a status event may change its task run: only one about the current attempt, of a task run that is
 * not complete, from the container that runs the attempt. A container started for an attempt that is over, superseded
 * or being cancelled is told to stop; so is a second container of the running attempt (one started by another worker
 * from a ready record delivered again, after its first worker died before committing the offset), whose exit then
 * changes nothing. The first container reported stays the attempt's.
 */
@ApplicationScoped
public class Fencing {

    private static final Logger LOG = Logger.getLogger(Fencing.class);
    static final String FENCED = "fenced";

    @Inject
    TaskRunCommands commands;

    @Inject
    ApiConfig config;

    /** True when the event is about the task run's current attempt and its container; otherwise fences as needed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean admits(TaskRun tr, TaskRunEvent event) {
        if (event instanceof TaskRunStarted started
                && (event.attempt() != tr.attempt || tr.isComplete() || tr.cancelRequested)) {
            LOG.infof("container %s of %s attempt %d runs on %s although %s; stopping it", started.containerId(),
                    tr.ref().key(), event.attempt(), started.workerId(), event.attempt() != tr.attempt
                            ? "attempt " + tr.attempt + " is the current one"
                            : tr.isComplete() ? "the task run is complete" : "it is being cancelled");
            commands.cancel(tr, event.attempt(), config.cancelGrace(), FENCED);
            return false;
        }
        if (event.attempt() != tr.attempt || tr.isComplete()) {
            LOG.debugf("ignoring %s for %s attempt %d (current attempt %d, state %s)",
                    event.getClass().getSimpleName(), tr.ref().key(), event.attempt(), tr.attempt, tr.state);
            return false;
        }
        return !isSecondContainer(tr, event);
    }

    private boolean isSecondContainer(TaskRun tr, TaskRunEvent event) {
        if (tr.state != TaskRunState.RUNNING || tr.containerId == null) {
            return false;
        }
        if (event instanceof TaskRunStarted started && !tr.containerId.equals(started.containerId())) {
            LOG.warnf("container %s of %s attempt %d started on %s, but container %s on %s runs that attempt; "
                    + "stopping the second one", started.containerId(), tr.ref().key(), tr.attempt,
                    started.workerId(), tr.containerId, tr.workerId);
            commands.cancel(tr, tr.attempt, config.cancelGrace(), FENCED, started.containerId());
            return true;
        }
        if (event instanceof TaskRunExited exited && exited.containerId() != null
                && !tr.containerId.equals(exited.containerId())) {
            LOG.infof("ignoring the exit (%d) of container %s of %s attempt %d: container %s runs that attempt",
                    exited.exitCode(), exited.containerId(), tr.ref().key(), tr.attempt, tr.containerId);
            return true;
        }
        return false;
    }
}
