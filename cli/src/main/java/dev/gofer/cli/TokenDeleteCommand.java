package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer token delete <id>}. */
// @formatter:off
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a token: it stops working (admin only; not your own token).")
// @formatter:on
class TokenDeleteCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Token id.")
    String id;

    @Override
    int execute() {
        client().deleteToken(id);
        if (!jsonOutput()) {
            out().println("deleted token " + id);
        }
        return EXIT_OK;
    }
}
