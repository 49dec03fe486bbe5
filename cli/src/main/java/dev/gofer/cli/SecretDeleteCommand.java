package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer secret delete <pipeline> <key>}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete a secret of a pipeline.")
class SecretDeleteCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<key>", description = "Secret key.")
    String key;

    @Override
    int execute() {
        storeClient().deletePipelineSecret(namespace(), pipeline, key);
        if (!jsonOutput()) {
            out().println("deleted secret " + key + " of " + namespace() + "/" + pipeline);
        }
        return EXIT_OK;
    }
}
