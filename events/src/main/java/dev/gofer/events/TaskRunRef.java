package dev.gofer.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** Identity of a task run: the task {@code taskId} in run {@code runId} of a pipeline. */
public record TaskRunRef(String namespaceId, String pipelineId, long runId, String taskId) {

    public TaskRunRef {
        Require.text(namespaceId, "namespace_id");
        Require.text(pipelineId, "pipeline_id");
        Require.text(taskId, "task_id");
        if (runId < 1) {
            throw new InvalidEventException("field 'run_id' must be >= 1");
        }
    }

    /** The record key of every task-run topic: {@code namespace/pipeline/run/task}. */
    @JsonIgnore
    public String key() {
        return namespaceId + "/" + pipelineId + "/" + runId + "/" + taskId;
    }

    /** The key of the run this task run belongs to: {@code namespace/pipeline/run}. */
    @JsonIgnore
    public String runKey() {
        return namespaceId + "/" + pipelineId + "/" + runId;
    }
}
