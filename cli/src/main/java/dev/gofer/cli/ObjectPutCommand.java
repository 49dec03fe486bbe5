package dev.gofer.cli;

import java.io.FilterInputStream;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.ObjectScope;
import dev.gofer.sdk.StoredObject;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer object put <pipeline> <key> [--run N] [--file F] [--force]}: streamed from a file or stdin. */
// @formatter:off
@Command(name = "put", mixinStandardHelpOptions = true,
        description = {
            "Store an object: the bytes of --file or of standard input, streamed as they are.",
            "  gofer object put simple settings --file settings.json",
            "  tar c build | gofer object put simple build.tar --run 7 --force" })
// @formatter:on
class ObjectPutCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<key>", description = "Object key: 1-128 of A-Z, a-z, 0-9, '_', '.', '-'.")
    String key;

    @Mixin
    ObjectScopeOption scopeOption;

    @Option(names = "--file", paramLabel = "<file>", description = "Read the content from this file (default: stdin).")
    Path file;

    @Option(names = "--force", description = "Replace the object if the key exists (otherwise that is an error).")
    boolean force;

    @Override
    int execute() {
        ObjectScope scope = scopeOption.scope(this, pipeline);
        GoferStoreClient store = storeClient();
        StoredObject object;
        if (file != null) {
            if (!Files.isRegularFile(file)) {
                throw new CliException(
                        "cannot read " + file + ": " + (Files.exists(file) ? "not a file" : "no such file"));
            }
            object = store.putObject(scope, key, file, force);
        } else {
            if (globals().terminal.interactive()) {
                throw new CliException("give --file, or pipe the content to standard input");
            }
            object = store.putObject(scope, key, notClosing(globals().stdin), force);
        }
        if (jsonOutput()) {
            JsonOutput.print(out(), "object", object);
        } else {
            out().println("stored object " + style().bold(object.key()) + " (" + object.size() + " bytes) of "
                    + ObjectScopeOption.describe(scope) + " (use it as " + (scope.isRun() ? "run" : "pipeline")
                    + "_object{{" + object.key() + "}})");
        }
        return EXIT_OK;
    }

    /** The client closes what it has read to the end; standard input stays open. */
    private static InputStream notClosing(InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public void close() {
                // not ours to close
            }
        };
    }
}
