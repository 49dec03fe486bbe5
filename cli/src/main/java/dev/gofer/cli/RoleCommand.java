package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer role ...}: what tokens holding a role may do. */
// @formatter:off
@Command(name = "role", mixinStandardHelpOptions = true,
        description = "Show roles: the permissions a token holding them has.",
        subcommands = { RoleListCommand.class, RoleGetCommand.class })
// @formatter:on
class RoleCommand {
}
