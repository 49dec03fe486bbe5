package dev.gofer.cli;

import dev.gofer.sdk.PipelineMetadata;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer pipeline enable <id>}. */
@Command(name = "enable", mixinStandardHelpOptions = true, description = "Let a disabled pipeline accept runs again.")
class PipelineEnableCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Pipeline id.")
    String pipelineId;

    @Override
    int execute() {
        PipelineMetadata pipeline = client().enablePipeline(namespace(), pipelineId);
        printState(this, pipeline);
        return EXIT_OK;
    }

    /** {@code pipeline simple is active}, or the pipeline as JSON. */
    static void printState(GoferCommand command, PipelineMetadata pipeline) {
        if (command.jsonOutput()) {
            JsonOutput.print(command.out(), "pipeline", pipeline);
        } else {
            command.out().println("pipeline " + command.style().bold(pipeline.pipelineId()) + " is "
                    + command.style().state(pipeline.state().wire()));
        }
    }
}
