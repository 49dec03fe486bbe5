package dev.gofer.cli;

import dev.gofer.sdk.Namespace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer namespace create <id> [--name] [--description]}. */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create a namespace.")
class NamespaceCreateCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Namespace id: 3-32 of A-Z, a-z, 0-9, '-' and '_'.")
    String id;

    @Option(names = "--name", paramLabel = "<name>", description = "Human name (default: the id).")
    String name;

    @Option(names = "--description", paramLabel = "<text>", description = "What the namespace is for.")
    String description = "";

    @Override
    int execute() {
        Namespace namespace = client().createNamespace(id, name == null || name.isBlank() ? id : name, description);
        if (jsonOutput()) {
            JsonOutput.print(out(), "namespace", namespace);
        } else {
            out().println("created namespace " + style().bold(namespace.id()) + " (" + namespace.name() + ")");
        }
        return EXIT_OK;
    }
}
