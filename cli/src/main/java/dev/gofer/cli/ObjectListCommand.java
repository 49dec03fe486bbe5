package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.StoredObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gofer object list <pipeline> [--run N]}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the objects of a pipeline or run.")
class ObjectListCommand extends GoferCommand {

    @Parameters(paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Mixin
    ObjectScopeOption scopeOption;

    @Override
    int execute() {
        List<StoredObject> objects = storeClient().listObjects(scopeOption.scope(this, pipeline));
        if (jsonOutput()) {
            JsonOutput.print(out(), "objects", objects);
            return EXIT_OK;
        }
        Table table = Table.withHeaders("KEY", "BYTES", "CREATED");
        for (StoredObject object : objects) {
            table.row(object.key(), object.size(), Times.at(object.created()));
        }
        table.print(out(), style());
        return EXIT_OK;
    }
}
