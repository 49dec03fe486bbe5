package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer event ...}: Gofer's public domain events. */
@Command(name = "event", mixinStandardHelpOptions = true, description = "Read Gofer's event stream.", subcommands = {
        EventListCommand.class})
class EventCommand {
}
