package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer context ...}: the named API URLs and tokens of the CLI config ({@code gofer login} adds them). */
// @formatter:off
@Command(name = "context", mixinStandardHelpOptions = true,
        description = {
            "Manage the contexts of the CLI config: an API URL and its token each (gofer login adds them).",
            "%nCommands use the current context's URL unless --api-url or GOFER_API_URL is given, and its token "
                + "unless --token-file or GOFER_API_TOKEN is given; the token is sent only to the context's URL." },
        subcommands = { ContextListCommand.class, ContextUseCommand.class, ContextCurrentCommand.class,
            ContextDeleteCommand.class })
// @formatter:on
class ContextCommand {
}
