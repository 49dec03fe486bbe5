package dev.gofer.api.pipeline.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One promotion of a config version to live: from {@code startVersion} (the live one before) to {@code endVersion}. */
@Entity
@Table(name = "deployments")
public class Deployment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "namespace_id")
    public String namespaceId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    @Column(name = "deployment_id")
    public long deploymentId;

    @Column(name = "start_version")
    public int startVersion;

    @Column(name = "end_version")
    public int endVersion;

    public long started;

    public long ended;

    @Enumerated(EnumType.STRING)
    public DeploymentState state;

    @Enumerated(EnumType.STRING)
    public DeploymentStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "status_reason")
    public DeploymentReason statusReason;

    @Column(name = "status_description")
    public String statusDescription;
}
