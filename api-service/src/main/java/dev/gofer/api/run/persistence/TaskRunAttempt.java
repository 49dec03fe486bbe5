package dev.gofer.api.run.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.gofer.api.run.service.StatusReason;
import dev.gofer.api.run.service.TaskRunStatus;

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
}
