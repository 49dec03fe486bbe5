package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer context delete <name>}: forgets the context and its token (the token itself stays valid). */
// @formatter:off
@Command(name = "delete", mixinStandardHelpOptions = true,
        description = "Remove a context and its saved token from the CLI config (the token stays valid in Gofer: "
            + "gofer token delete revokes it).")
// @formatter:on
class ContextDeleteCommand extends GoferCommand {

    @Parameters(paramLabel = "<name>", description = "Context name.")
    String name;

    @Override
    int execute() {
        CliConfig config = config();
        boolean wasCurrent = name.equals(config.currentName());
        config.remove(name);
        config.save();
        if (!jsonOutput()) {
            out().println("deleted context " + name + (wasCurrent ? " (there is no current context now)" : ""));
        }
        return EXIT_OK;
    }
}
