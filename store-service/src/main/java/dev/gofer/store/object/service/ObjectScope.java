package dev.gofer.store.object.service;

/** Where an object lives: a pipeline ({@code runId} 0) or one run of a pipeline. */
public record ObjectScope(String namespaceId, String pipelineId, long runId) {

    public static ObjectScope pipeline(String namespaceId, String pipelineId) {
        return new ObjectScope(namespaceId, pipelineId, 0);
    }

    public static ObjectScope run(String namespaceId, String pipelineId, long runId) {
        if (runId < 1) {
            throw new IllegalArgumentException("run id must be >= 1");
        }
        return new ObjectScope(namespaceId, pipelineId, runId);
    }

    public boolean isRun() {
        return runId > 0;
    }

    /** {@code pipeline object} or {@code run object}, for messages. */
    public String kind() {
        return isRun() ? "run object" : "pipeline object";
    }

    /** {@code ns/pipeline} or {@code ns/pipeline run N}, for messages. */
    public String where() {
        return namespaceId + "/" + pipelineId + (isRun() ? " run " + runId : "");
    }
}
