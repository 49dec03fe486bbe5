package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer token ...}: the API tokens. */
// @formatter:off
@Command(name = "token", mixinStandardHelpOptions = true,
        description = {
            "Manage API tokens (most of it needs an admin token).",
            "%nA token's secret is printed once, when it is made, alone on standard output (the rest goes to "
                + "standard error, so `> file` keeps only the secret); list and get never show it." },
        subcommands = { TokenBootstrapCommand.class, TokenCreateCommand.class, TokenListCommand.class,
            TokenGetCommand.class, TokenWhoamiCommand.class, TokenDisableCommand.class, TokenEnableCommand.class,
            TokenDeleteCommand.class })
// @formatter:on
class TokenCommand {
}
