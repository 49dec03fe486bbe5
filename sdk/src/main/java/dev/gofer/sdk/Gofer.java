package dev.gofer.sdk;

/**
 * References resolved by Gofer just before a task runs. Use them as whole variable values, e.g.
 * {@code task.variable("TOKEN", Gofer.pipelineSecret("deploy_token"))}.
 */
public final class Gofer {

    private Gofer() {
    }

    /** A secret stored for this pipeline: {@code pipeline_secret{{key}}}. */
    public static String pipelineSecret(String key) {
        return "pipeline_secret{{" + key + "}}";
    }

    /** A secret stored for the whole installation: {@code global_secret{{key}}}. */
    public static String globalSecret(String key) {
        return "global_secret{{" + key + "}}";
    }

    /** An object stored for this pipeline: {@code pipeline_object{{key}}}. */
    public static String pipelineObject(String key) {
        return "pipeline_object{{" + key + "}}";
    }

    /** An object stored for the current run: {@code run_object{{key}}}. */
    public static String runObject(String key) {
        return "run_object{{" + key + "}}";
    }
}
