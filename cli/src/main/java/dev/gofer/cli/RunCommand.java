package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer run ...}: runs of a pipeline. */
// @formatter:off
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start and inspect runs.",
        subcommands = { RunStartCommand.class, RunGetCommand.class })
// @formatter:on
class RunCommand {
}
