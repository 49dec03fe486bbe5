package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer task ...}: task runs within a run. */
// @formatter:off
@Command(name = "task", mixinStandardHelpOptions = true, description = "Inspect and cancel task runs.",
        subcommands = { TaskGetCommand.class, TaskLogsCommand.class, TaskCancelCommand.class })
// @formatter:on
class TaskCommand {
}
