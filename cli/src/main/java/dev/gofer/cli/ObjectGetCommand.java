package dev.gofer.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.ObjectScope;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer object get <pipeline> <key> [--run N] [-O file|-]}: streamed to stdout or a file. */
// @formatter:off
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {
            "Print an object's content, byte-exact, or write it to a file (-O).",
            "%nThe content is streamed; a file is written next to its target and replaces it only once complete. "
                + "(-O, as in wget, because -o is the output format.)" })
// @formatter:on
class ObjectGetCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<key>", description = "Object key.")
    String key;

    @Mixin
    ObjectScopeOption scopeOption;

    // @formatter:off (the house formatter does not wrap annotation arguments)
    @Option(names = { "-O", "--out-file" }, paramLabel = "<file>|-",
            description = "Write the content to this file instead of standard output ('-': standard output).")
    String outFile;
    // @formatter:on

    @Override
    int execute() throws IOException {
        ObjectScope scope = scopeOption.scope(this, pipeline);
        GoferStoreClient store = storeClient();
        if (outFile == null || outFile.equals("-")) {
            out().flush();
            OutputStream stdout = globals().stdout;
            store.getObject(scope, key, stdout);
            stdout.flush();
            return EXIT_OK;
        }
        Path target = Path.of(outFile);
        long size = store.getObject(scope, key, target);
        if (jsonOutput()) {
            Map<String, Object> object = new LinkedHashMap<>();
            object.put("key", key);
            object.put("size", size);
            JsonOutput.print(out(), "object", object, "file", target.toString());
        } else {
            out().println("wrote object " + style().bold(key) + " (" + size + " bytes) of "
                    + ObjectScopeOption.describe(scope) + " to " + target);
        }
        return EXIT_OK;
    }
}
