package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer token enable <id>}. */
@Command(name = "enable", mixinStandardHelpOptions = true, description = "Enable a disabled token (admin only).")
class TokenEnableCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Token id.")
    String id;

    @Override
    int execute() {
        return TokenDisableCommand.setDisabled(this, id, false);
    }
}
