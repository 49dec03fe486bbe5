package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer task ...}: task runs within a run. */
// @formatter:off
@Command(name = "task", mixinStandardHelpOptions = true, description = "Inspect task runs and their logs.",
        subcommands = { TaskGetCommand.class, TaskLogsCommand.class })
// @formatter:on
class TaskCommand {
}
