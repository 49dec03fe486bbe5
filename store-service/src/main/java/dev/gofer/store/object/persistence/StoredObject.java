package dev.gofer.store.object.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * An object's metadata; {@code runId} is 0 for a pipeline object, the run id for a run object. Its bytes are rows of
 * {@code object_chunks} (see {@link StoredObjectRepository#appendChunk}), deleted with it by the foreign key.
 */
@Entity
@Table(name = "objects")
public class StoredObject {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "namespace_id", nullable = false)
    private String namespaceId;

    @Column(name = "pipeline_id", nullable = false)
    private String pipelineId;

    @Column(name = "run_id", nullable = false)
    private long runId;

    @Column(name = "key", nullable = false)
    private String objectKey;

    @Column(name = "size", nullable = false)
    private long size;

    @Column(name = "created", nullable = false)
    private Instant created;

    public Long getId() {
        return id;
    }

    public String getNamespaceId() {
        return namespaceId;
    }

    public void setNamespaceId(String namespaceId) {
        this.namespaceId = namespaceId;
    }

    public String getPipelineId() {
        return pipelineId;
    }

    public void setPipelineId(String pipelineId) {
        this.pipelineId = pipelineId;
    }

    public long getRunId() {
        return runId;
    }

    public void setRunId(long runId) {
        this.runId = runId;
    }

    public String getObjectKey() {
        return objectKey;
    }

    public void setObjectKey(String objectKey) {
        this.objectKey = objectKey;
    }

    public long getSize() {
        return size;
    }

    public void setSize(long size) {
        this.size = size;
    }

    public Instant getCreated() {
        return created;
    }

    public void setCreated(Instant created) {
        this.created = created;
    }
}
