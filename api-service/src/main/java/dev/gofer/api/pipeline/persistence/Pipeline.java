package dev.gofer.api.pipeline.persistence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pipeline's metadata; created by its first config registration. */
@Entity
@Table(name = "pipelines")
public class Pipeline {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "namespace_id")
    public String namespaceId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    /** {@code active} or {@code disabled}. */
    public String state;

    public long created;

    public long modified;
}
