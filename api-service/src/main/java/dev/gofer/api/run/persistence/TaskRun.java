package dev.gofer.api.run.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import dev.gofer.api.pipeline.persistence.TaskConfig;
import dev.gofer.api.pipeline.persistence.TaskConfigJson;
import dev.gofer.events.TaskRunRef;

/**
 * One task of a run. {@code task} is a snapshot of the task's config (read once when the row is loaded);
 * {@code variables} the assembled environment with sources, where secret references stay references. {@code attempt}
 * is the current attempt; earlier ones are {@link TaskRunAttempt}s. Its state changes only through the transition
 * methods below, each of which sets every field that the transition touches. Updates write only the columns that
 * changed, so a status change never overwrites a lease a heartbeat renewed meanwhile (heartbeats update the lease
 * columns without the run's lock).
 */
@Entity
@DynamicUpdate
@Table(name = "task_runs")
public class TaskRun {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "run_pk")
    public long runPk;

    @Column(name = "namespace_id")
    public String namespaceId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(name = "run_id")
    public long runId;

    @Column(name = "task_id")
    public String taskId;

    public int attempt;

    public String image;

    @Convert(converter = TaskConfigJson.One.class)
    public TaskConfig task;

    @Enumerated(EnumType.STRING)
    public TaskRunState state;

    @Enumerated(EnumType.STRING)
    public TaskRunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason")
    public StatusReason statusReason;

    @Column(name = "status_description")
    public String statusDescription;

    @Column(name = "exit_code")
    public Integer exitCode;

    public long created;

    public long started;

    public long ended;

    @Column(name = "worker_id")
    public String workerId;

    @Column(name = "container_id")
    public String containerId;

    public String variables;

    /** A stop was asked for while the task run was running: its exit is recorded as cancelled. */
    @Column(name = "cancel_requested")
    public boolean cancelRequested;

    /** How many log lines the container wrote, once the worker has reported its exit. */
    @Column(name = "log_lines_expected")
    public Long logLinesExpected;

    /** Waiting for a retry: the next attempt is dispatched at this time (0 = as soon as its parents allow). */
    @Column(name = "retry_at")
    public long retryAt;

    /** Processing: it fails with {@code queue_timeout} if its container has not started by then (0 = no limit). */
    @Column(name = "queue_deadline")
    public long queueDeadline;

    /** Running: its worker must renew the lease (heartbeat) before this, or it is lost (0 = no lease). */
    @Column(name = "lease_expires")
    public long leaseExpires;

    /** When the lease was last set or renewed. */
    @Column(name = "lease_renewed")
    public long leaseRenewed;

    /** Attempts retried because of their exit code. */
    @Column(name = "exit_retries")
    public int exitRetries;

    /** Attempts retried because their worker was lost. */
    @Column(name = "worker_lost_retries")
    public int workerLostRetries;

    /** A new task run of a run: waiting for its parents, attempt 1. */
    public static TaskRun waiting(Run run, TaskConfig task, String variables, long created) {
        TaskRun tr = new TaskRun();
        tr.runPk = run.id;
        tr.namespaceId = run.namespaceId;
        tr.pipelineId = run.pipelineId;
        tr.runId = run.runId;
        tr.taskId = task.id();
        tr.attempt = 1;
        tr.image = task.image();
        tr.task = task;
        tr.state = TaskRunState.WAITING;
        tr.status = TaskRunStatus.UNKNOWN;
        tr.created = created;
        tr.variables = variables;
        return tr;
    }

    public boolean isComplete() {
        return state == TaskRunState.COMPLETE;
    }

    /** Whether it waits for a retry's backoff to pass. */
    public boolean awaitsRetry() {
        return state == TaskRunState.WAITING && retryAt > 0;
    }

    public TaskRunRef ref() {
        return new TaskRunRef(namespaceId, pipelineId, runId, taskId);
    }

    /** Sent to be resolved and run; it fails if its container has not started by {@code queueDeadline} (0: never). */
    public void dispatch(long queueDeadline) {
        state = TaskRunState.PROCESSING;
        this.queueDeadline = queueDeadline;
    }

    /**
     * Its container runs on {@code workerId}: the lease starts (or, for a container a restarted worker found again,
     * is renewed). Answers whether the task run has only now started running.
     */
    public boolean running(String workerId, String containerId, long startedAt, long now, long leaseExpires) {
        boolean starts = state != TaskRunState.RUNNING;
        this.workerId = workerId;
        this.containerId = containerId;
        this.queueDeadline = 0;
        this.leaseRenewed = now;
        this.leaseExpires = leaseExpires;
        if (starts) {
            state = TaskRunState.RUNNING;
            started = startedAt;
        }
        return starts;
    }

    /** Its container exited with {@code exitCode} after writing {@code logLines} lines; what follows decides. */
    public void exited(String workerId, int exitCode, Long logLines, long exitedAt) {
        if (started == 0) {
            started = exitedAt;
        }
        this.workerId = workerId;
        this.exitCode = exitCode;
        this.logLinesExpected = logLines;
    }

    /** A stop was asked for while it runs: its exit is recorded as cancelled. */
    public void requestCancel() {
        cancelRequested = true;
    }

    /** The retry's backoff has passed: it may be dispatched as soon as its parents allow. */
    public void retryDue() {
        retryAt = 0;
    }

    public void complete(TaskRunStatus status, StatusReason reason, String description, long endedAt) {
        this.state = TaskRunState.COMPLETE;
        this.status = status;
        this.statusReason = reason;
        this.statusDescription = description;
        this.ended = endedAt;
    }

    /**
     * Ends the current attempt (answered as the history row to keep, failed with {@code reason}) and waits for the
     * next one, dispatched at {@code retryAt} (0: as soon as its parents allow). The retry is counted ({@code worker_lost}
     * apart from exit-code retries); everything that belongs to one attempt starts afresh; a cancel request stays.
     */
    public TaskRunAttempt nextAttempt(StatusReason reason, String description, long endedAt, long retryAt) {
        TaskRunAttempt ended = TaskRunAttempt.endedFrom(this, reason, description, endedAt);
        if (reason == StatusReason.WORKER_LOST) {
            workerLostRetries++;
        } else {
            exitRetries++;
        }
        attempt++;
        state = TaskRunState.WAITING;
        status = TaskRunStatus.UNKNOWN;
        statusReason = null;
        statusDescription = null;
        exitCode = null;
        started = 0;
        this.ended = 0;
        workerId = null;
        containerId = null;
        logLinesExpected = null;
        queueDeadline = 0;
        leaseExpires = 0;
        leaseRenewed = 0;
        this.retryAt = retryAt;
        return ended;
    }
}
