package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer namespace ...}: groups of pipelines. */
// @formatter:off
@Command(name = "namespace", mixinStandardHelpOptions = true, description = "Manage namespaces (groups of pipelines).",
        subcommands = { NamespaceListCommand.class, NamespaceGetCommand.class, NamespaceCreateCommand.class,
            NamespaceUpdateCommand.class, NamespaceDeleteCommand.class })
// @formatter:on
class NamespaceCommand {
}
