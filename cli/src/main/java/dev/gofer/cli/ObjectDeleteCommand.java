package dev.gofer.cli;

import dev.gofer.sdk.ObjectScope;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gofer object delete <pipeline> <key> [--run N]}. */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete an object of a pipeline or run.")
class ObjectDeleteCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<key>", description = "Object key.")
    String key;

    @Mixin
    ObjectScopeOption scopeOption;

    @Override
    int execute() {
        ObjectScope scope = scopeOption.scope(this, pipeline);
        storeClient().deleteObject(scope, key);
        if (!jsonOutput()) {
            out().println("deleted object " + key + " of " + ObjectScopeOption.describe(scope));
        }
        return EXIT_OK;
    }
}
