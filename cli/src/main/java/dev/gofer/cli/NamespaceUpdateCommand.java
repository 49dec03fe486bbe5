package dev.gofer.cli;

import dev.gofer.sdk.Namespace;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code gofer namespace update <id> [--name] [--description]}: changes only what is given. */
// @formatter:off
@Command(name = "update", mixinStandardHelpOptions = true,
        description = "Change a namespace's name and/or description.")
// @formatter:on
class NamespaceUpdateCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Namespace id.")
    String id;

    @Option(names = "--name", paramLabel = "<name>", description = "New name.")
    String name;

    @Option(names = "--description", paramLabel = "<text>", description = "New description.")
    String description;

    @Override
    int execute() {
        if (name == null && description == null) {
            throw new ParameterException(spec.commandLine(), "nothing to update: give --name and/or --description");
        }
        Namespace namespace = client().updateNamespace(id, name, description);
        if (jsonOutput()) {
            JsonOutput.print(out(), "namespace", namespace);
        } else {
            out().println("updated namespace " + style().bold(namespace.id()));
        }
        return EXIT_OK;
    }
}
