package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer context current}: the current context's name (exit 2 when there is none). */
@Command(name = "current", mixinStandardHelpOptions = true, description = "Print the current context's name.")
class ContextCurrentCommand extends GoferCommand {

    @Override
    int execute() {
        CliConfig config = config();
        String name = config.currentName();
        if (name == null) {
            throw new CliException("no current context (see: gofer login, gofer context use)");
        }
        if (jsonOutput()) {
            JsonOutput.print(out(), "context", ContextView.of(config, name));
        } else {
            out().println(name);
        }
        return EXIT_OK;
    }
}
