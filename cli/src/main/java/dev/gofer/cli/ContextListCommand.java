package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer context list}: names and URLs, the current one marked; never tokens. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the contexts (never their tokens).")
class ContextListCommand extends GoferCommand {

    @Override
    int execute() {
        CliConfig config = config();
        if (jsonOutput()) {
            JsonOutput.print(out(), "current_context", config.currentName(), "contexts", ContextView.all(config));
            return EXIT_OK;
        }
        Table table = Table.withHeaders("CURRENT", "NAME", "API URL", "TOKEN");
        for (ContextView context : ContextView.all(config)) {
            table.row(context.current() ? "*" : "", context.name(), context.apiUrl(),
                    context.hasToken() ? "saved" : "none");
        }
        table.print(out(), style());
        return EXIT_OK;
    }
}
