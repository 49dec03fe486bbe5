package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.Namespace;

import picocli.CommandLine.Command;

/** {@code gofer namespace list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List namespaces.")
class NamespaceListCommand extends GoferCommand {

    @Override
    int execute() {
        List<Namespace> namespaces = client().listNamespaces();
        if (jsonOutput()) {
            JsonOutput.print(out(), "namespaces", namespaces);
            return EXIT_OK;
        }
        Table table = Table.withHeaders("ID", "NAME", "DESCRIPTION", "CREATED");
        for (Namespace namespace : namespaces) {
            table.row(namespace.id(), namespace.name(), blankToDash(namespace.description()),
                    Times.at(namespace.created()));
        }
        table.print(out(), style());
        return EXIT_OK;
    }

    static String blankToDash(String text) {
        return text == null || text.isBlank() ? "-" : text;
    }
}
