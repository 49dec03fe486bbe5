package dev.gofer.api.run.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.DynamicUpdate;

import dev.gofer.api.run.service.StatusReason;
import dev.gofer.api.run.service.TaskRunState;
import dev.gofer.api.run.service.TaskRunStatus;

/**
 * One task of a run. {@code task} is a snapshot of the task's config; {@code variables} the assembled environment
 * with sources, where secret references stay references. {@code attempt} is the current attempt; earlier ones are
 * {@link TaskRunAttempt}s. Updates write only the columns that changed, so a status change never overwrites a lease
 * a heartbeat renewed meanwhile (heartbeats update the lease columns without the run's lock).
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

    public String task;

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

    public boolean isComplete() {
        return state == TaskRunState.COMPLETE;
    }
}
