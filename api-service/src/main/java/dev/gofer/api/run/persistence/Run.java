package dev.gofer.api.run.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.gofer.api.run.service.RunState;
import dev.gofer.api.run.service.RunStatus;
import dev.gofer.api.run.service.StatusReason;

/** One run of a pipeline's live config. {@code variables} holds the run variables as JSON. */
@Entity
@Table(name = "runs")
public class Run {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "namespace_id")
    public String namespaceId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(name = "run_id")
    public long runId;

    @Column(name = "config_version")
    public int configVersion;

    @Enumerated(EnumType.STRING)
    public RunState state;

    @Enumerated(EnumType.STRING)
    public RunStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason")
    public StatusReason statusReason;

    @Column(name = "status_description")
    public String statusDescription;

    public long started;

    public long ended;

    @Column(name = "initiator_kind")
    public String initiatorKind;

    @Column(name = "initiator_name")
    public String initiatorName;

    public String variables;

    /** The event id of the run request this run was created from (idempotency, and lookup by POST /runs). */
    @Column(name = "request_id")
    public String requestId;

    /** The run's task logs were removed by retention ({@code gofer.api.log-retention-runs}). */
    @Column(name = "logs_expired")
    public boolean logsExpired;
}
