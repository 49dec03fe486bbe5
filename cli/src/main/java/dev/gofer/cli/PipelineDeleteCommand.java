package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer pipeline delete <id>}. */
// @formatter:off
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a pipeline with its configs and runs (refused while runs are unfinished).")
// @formatter:on
class PipelineDeleteCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Pipeline id.")
    String pipelineId;

    @Override
    int execute() {
        client().deletePipeline(namespace(), pipelineId);
        if (!jsonOutput()) {
            out().println("deleted pipeline " + pipelineId);
        }
        return EXIT_OK;
    }
}
