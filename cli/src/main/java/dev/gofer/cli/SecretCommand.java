package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer secret ...}: pipeline secrets (and, under {@code global}, global ones) in the store. */
// @formatter:off
@Command(name = "secret", mixinStandardHelpOptions = true,
        description = {
            "Manage secrets in the store, through the API (--api-url, with the API token).",
            "%nValues are read from standard input or a file, never from the command line, and printed only with "
                + "--reveal and a token allowed secrets: reveal, e.g. an admin token." },
        subcommands = { SecretPutCommand.class, SecretListCommand.class, SecretGetCommand.class,
            SecretDeleteCommand.class, SecretGlobalCommand.class })
// @formatter:on
class SecretCommand {
}
