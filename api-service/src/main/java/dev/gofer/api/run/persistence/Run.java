package dev.gofer.api.run.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

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

    /** A new run of a pipeline's config version, pending until it may start. */
    public static Run pending(String namespaceId, String pipelineId, long runId, int configVersion,
            String initiatorKind, String initiatorName, String variables, String requestId) {
        Run run = new Run();
        run.namespaceId = namespaceId;
        run.pipelineId = pipelineId;
        run.runId = runId;
        run.configVersion = configVersion;
        run.state = RunState.PENDING;
        run.status = RunStatus.UNKNOWN;
        run.initiatorKind = initiatorKind;
        run.initiatorName = initiatorName;
        run.variables = variables;
        run.requestId = requestId;
        return run;
    }

    public void start(long startedAt) {
        state = RunState.RUNNING;
        started = startedAt;
    }

    public void complete(RunStatus status, StatusReason reason, String description, long endedAt) {
        this.state = RunState.COMPLETE;
        this.status = status;
        this.statusReason = reason;
        this.statusDescription = description;
        this.ended = endedAt;
    }

    public String key() {
        return namespaceId + "/" + pipelineId + "/" + runId;
    }
}
