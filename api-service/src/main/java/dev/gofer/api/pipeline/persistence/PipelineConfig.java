package dev.gofer.api.pipeline.persistence;

import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One registered version of a pipeline's config; {@code tasks} is the validated task list (stored as JSON). */
@Entity
@Table(name = "pipeline_configs")
public class PipelineConfig {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "namespace_id")
    public String namespaceId;

    @Column(name = "pipeline_id")
    public String pipelineId;

    public int version;

    public String name;

    public String description;

    public long parallelism;

    /** {@code unreleased}, {@code live} or {@code deprecated}, as in Gofer. */
    public String state;

    public long registered;

    public long deprecated;

    @Convert(converter = TaskConfigJson.Many.class)
    public List<TaskConfig> tasks;
}
