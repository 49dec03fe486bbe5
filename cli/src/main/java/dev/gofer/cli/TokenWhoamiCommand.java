package dev.gofer.cli;

import dev.gofer.sdk.Token;

import picocli.CommandLine.Command;

/** {@code gofer token whoami}: the token the CLI sends. */
// @formatter:off
@Command(name = "whoami", mixinStandardHelpOptions = true,
        description = "Show the token this CLI sends (from --token-file, GOFER_API_TOKEN or the current context).")
// @formatter:on
class TokenWhoamiCommand extends GoferCommand {

    @Override
    int execute() {
        Token token = client().whoami();
        if (jsonOutput()) {
            JsonOutput.print(out(), "token", token);
        } else {
            TokenText.print(token, out(), style());
        }
        return EXIT_OK;
    }
}
