package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer pipeline ...}: pipeline configs. */
// @formatter:off
@Command(name = "pipeline", mixinStandardHelpOptions = true, description = "Register pipeline configs.",
        subcommands = { PipelineRegisterCommand.class })
// @formatter:on
class PipelineCommand {
}
