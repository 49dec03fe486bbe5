package dev.gofer.cli;

import dev.gofer.sdk.PipelineMetadata;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer pipeline disable <id>}. */
// @formatter:off
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Make a pipeline refuse new runs (running ones go on).")
// @formatter:on
class PipelineDisableCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Pipeline id.")
    String pipelineId;

    @Override
    int execute() {
        PipelineMetadata pipeline = client().disablePipeline(namespace(), pipelineId);
        PipelineEnableCommand.printState(this, pipeline);
        return EXIT_OK;
    }
}
