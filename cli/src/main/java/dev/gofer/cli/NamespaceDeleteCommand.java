package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer namespace delete <id>}. */
// @formatter:off
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Delete a namespace with its pipelines, configs and runs (refused while runs are unfinished).")
// @formatter:on
class NamespaceDeleteCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Namespace id.")
    String id;

    @Override
    int execute() {
        client().deleteNamespace(id);
        if (!jsonOutput()) {
            out().println("deleted namespace " + id);
        }
        return EXIT_OK;
    }
}
