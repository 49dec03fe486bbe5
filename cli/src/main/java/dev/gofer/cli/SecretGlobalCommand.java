package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer secret global ...}: secrets for every pipeline of the namespaces they are granted to. */
// @formatter:off
@Command(name = "global", mixinStandardHelpOptions = true,
        description = "Manage global secrets, used as global_secret{{key}} in the namespaces they are granted to.",
        subcommands = { SecretGlobalPutCommand.class, SecretGlobalListCommand.class, SecretGlobalGetCommand.class,
            SecretGlobalDeleteCommand.class })
// @formatter:on
class SecretGlobalCommand {
}
