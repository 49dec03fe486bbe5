package dev.gofer.cli;

import dev.gofer.sdk.Token;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer token get <id>}: a token's details, never its secret. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a token (never its secret).")
class TokenGetCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Token id.")
    String id;

    @Override
    int execute() {
        Token token = client().getToken(id);
        if (jsonOutput()) {
            JsonOutput.print(out(), "token", token);
        } else {
            TokenText.print(token, out(), style());
        }
        return EXIT_OK;
    }
}
