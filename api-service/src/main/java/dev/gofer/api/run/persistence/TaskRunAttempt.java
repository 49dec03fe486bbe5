package dev.gofer.api.run.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An earlier attempt of a task run: it ended and another attempt followed. The current attempt is the task run. */
@Entity
@Table(name = "task_run_attempts")
public class TaskRunAttempt {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "task_run_pk")
    public long taskRunPk;

    public int attempt;

    @Column(name = "worker_id")
    public String workerId;

    @Column(name = "container_id")
    public String containerId;

    @Column(name = "exit_code")
    public Integer exitCode;

    @Enumerated(EnumType.STRING)
    public TaskRunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason")
    public StatusReason statusReason;

    @Column(name = "status_description")
    public String statusDescription;

    public long started;

    public long ended;

    @Column(name = "log_lines")
    public Long logLines;

    /** The history row of a task run's current attempt, which ends now, failed with {@code reason}. */
    static TaskRunAttempt endedFrom(TaskRun tr, StatusReason reason, String description, long endedAt) {
        TaskRunAttempt a = new TaskRunAttempt();
        a.taskRunPk = tr.id;
        a.attempt = tr.attempt;
        a.workerId = tr.workerId;
        a.containerId = tr.containerId;
        a.exitCode = tr.exitCode;
        a.status = TaskRunStatus.FAILED;
        a.statusReason = reason;
        a.statusDescription = description;
        a.started = tr.started;
        a.ended = endedAt;
        a.logLines = tr.logLinesExpected;
        return a;
    }
}
