package dev.gofer.sdk;

import java.util.Objects;

/**
 * Where an object lives: with a pipeline (kept until deleted, {@code pipeline_object{{key}}}) or with one run of it
 * ({@code run_object{{key}}}).
 *
 * @param namespace namespace id
 * @param pipelineId pipeline id
 * @param runId the run for a run object; 0 for a pipeline object (as the store records it)
 */
public record ObjectScope(String namespace, String pipelineId, long runId) {

    public ObjectScope {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(pipelineId, "pipelineId");
        if (runId < 0) {
            throw new IllegalArgumentException("runId must not be negative, was " + runId);
        }
    }

    /** The objects of a pipeline. */
    public static ObjectScope pipeline(String namespace, String pipelineId) {
        return new ObjectScope(namespace, pipelineId, 0);
    }

    /** The objects of one run of a pipeline. */
    public static ObjectScope run(String namespace, String pipelineId, long runId) {
        if (runId < 1) {
            throw new IllegalArgumentException("runId must be positive, was " + runId);
        }
        return new ObjectScope(namespace, pipelineId, runId);
    }

    /** Whether these are the objects of a run rather than of the pipeline. */
    public boolean isRun() {
        return runId > 0;
    }

    /** e.g. {@code default/simple} or {@code default/simple run 7}. */
    @Override
    public String toString() {
        return namespace + "/" + pipelineId + (isRun() ? " run " + runId : "");
    }
}
