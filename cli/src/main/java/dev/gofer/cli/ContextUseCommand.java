package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer context use <name>}. */
@Command(name = "use", mixinStandardHelpOptions = true, description = "Make a context the current one.")
class ContextUseCommand extends GoferCommand {

    @Parameters(paramLabel = "<name>", description = "Context name (see gofer context list).")
    String name;

    @Override
    int execute() {
        CliConfig config = config();
        config.use(name);
        config.save();
        ContextView context = ContextView.of(config, name);
        if (jsonOutput()) {
            JsonOutput.print(out(), "context", context);
        } else {
            out().println("switched to context " + style().bold(name) + " (" + context.apiUrl() + ")");
        }
        return EXIT_OK;
    }
}
