package dev.gofer.cli;

import dev.gofer.sdk.Namespace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer namespace get <id>}. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a namespace.")
class NamespaceGetCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Namespace id.")
    String id;

    @Override
    int execute() {
        Namespace namespace = client().getNamespace(id);
        if (jsonOutput()) {
            JsonOutput.print(out(), "namespace", namespace);
        } else {
            print(namespace);
        }
        return EXIT_OK;
    }

    private void print(Namespace namespace) {
        Table.plain()
                .row("id", namespace.id())
                .row("name", namespace.name())
                .row("description", NamespaceListCommand.blankToDash(namespace.description()))
                .row("created", Times.at(namespace.created()))
                .row("modified", Times.at(namespace.modified()))
                .print(out(), style());
    }
}
