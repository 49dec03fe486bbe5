package dev.gofer.cli;

import dev.gofer.sdk.Token;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer token disable <id>}. */
// @formatter:off
@Command(name = "disable", mixinStandardHelpOptions = true,
        description = "Disable a token: every service refuses it within 5 s (admin only; not your own token).")
// @formatter:on
class TokenDisableCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Token id.")
    String id;

    @Override
    int execute() {
        return setDisabled(this, id, true);
    }

    /** PATCHes {@code disabled} and prints the outcome; shared with {@code token enable}. */
    static int setDisabled(GoferCommand command, String id, boolean disabled) {
        Token token = command.client().setTokenDisabled(id, disabled);
        if (command.jsonOutput()) {
            JsonOutput.print(command.out(), "token", token);
        } else {
            String state = token.disabled() ? "disabled" : "enabled";
            command.out().println(state + " token " + token.id() + " of " + token.user());
        }
        return EXIT_OK;
    }
}
