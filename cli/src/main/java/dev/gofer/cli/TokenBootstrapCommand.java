package dev.gofer.cli;

import dev.gofer.sdk.CreatedToken;

import picocli.CommandLine.Command;

/** {@code gofer token bootstrap}: the installation's first admin token (needs no token, works once). */
// @formatter:off
@Command(name = "bootstrap", mixinStandardHelpOptions = true,
        description = {
            "Make the installation's first admin token (no token needed; works once, then 409).",
            "%nIts secret is printed this once, alone on standard output:",
            "  gofer token bootstrap > admin.token && gofer login --token-file admin.token" })
// @formatter:on
class TokenBootstrapCommand extends GoferCommand {

    @Override
    int execute() {
        CreatedToken created = client().bootstrapToken();
        if (jsonOutput()) {
            JsonOutput.print(out(), "secret", created.secret(), "token", created.token());
        } else {
            TokenText.printCreated(created, "bootstrap token", out(), err());
        }
        return EXIT_OK;
    }
}
