package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer secret ...}: pipeline secrets (and, under {@code global}, global ones) in the store. */
// @formatter:off
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = {
            "Manage secrets in the store (at --store-url).",
            "%nValues are read from standard input or a file, never from the command line, and printed only with "
                + "--reveal and the store's admin token." },
        subcommands = { SecretPutCommand.class, SecretListCommand.class, SecretGetCommand.class,
            SecretDeleteCommand.class, SecretGlobalCommand.class })
// @formatter:on
class SecretCommand {
}
