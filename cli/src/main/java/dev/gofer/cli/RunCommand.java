package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer run ...}: runs of a pipeline. */
// @formatter:off
@Command(name = "run", mixinStandardHelpOptions = true, description = "Start, inspect and cancel runs.",
        subcommands = { RunListCommand.class, RunStartCommand.class, RunGetCommand.class, RunLogsCommand.class,
            RunCancelCommand.class })
// @formatter:on
class RunCommand {
}
