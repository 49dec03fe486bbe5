package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer secret global delete <key>}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a global secret.")
class SecretGlobalDeleteCommand extends GoferCommand {

    @Parameters(paramLabel = "<key>", description = "Secret key.")
    String key;

    @Override
    int execute() {
        storeClient().deleteGlobalSecret(key);
        if (!jsonOutput()) {
            out().println("deleted global secret " + key);
        }
        return EXIT_OK;
    }
}
