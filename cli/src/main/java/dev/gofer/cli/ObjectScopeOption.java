package dev.gofer.cli;

import dev.gofer.sdk.ObjectScope;

import picocli.CommandLine.Option;

/** {@code --run N}: the objects of a run instead of the pipeline's (a mixin of the object commands). */
class ObjectScopeOption {

    // @formatter:off (the house formatter does not wrap annotation arguments)
    @Option(names = "--run", paramLabel = "<run_id>",
            description = "The objects of this run (run_object{{key}}) instead of the pipeline's "
                + "(pipeline_object{{key}}).")
    Long runId;
    // @formatter:on

    /** The scope in the command's namespace; a run id below 1 is a usage error. */
    ObjectScope scope(GoferCommand command, String pipeline) {
        if (runId == null) {
            return ObjectScope.pipeline(command.namespace(), pipeline);
        }
        if (runId < 1) {
            throw command.usage("--run must be at least 1, was " + runId);
        }
        return ObjectScope.run(command.namespace(), pipeline, runId);
    }

    /** e.g. {@code default/simple} or {@code run 7 of default/simple}, for messages. */
    static String describe(ObjectScope scope) {
        String pipeline = scope.namespace() + "/" + scope.pipelineId();
        return scope.isRun() ? "run " + scope.runId() + " of " + pipeline : pipeline;
    }
}
