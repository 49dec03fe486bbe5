package dev.gofer.cli;

import java.util.Arrays;
import java.util.List;

import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.SecretInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer secret global put <key> [--namespaces regex,...] [--file F] [--force]}. */
// @formatter:off
@Command(name = "put", mixinStandardHelpOptions = true,
        description = {
            "Store a global secret, used as global_secret{{key}} by the pipelines of the namespaces it is granted to.",
            "%nThe value comes from standard input or --file, as for 'gofer secret put'." })
// @formatter:on
class SecretGlobalPutCommand extends GoferCommand {

    @Parameters(paramLabel = "<key>", description = "Secret key: 1-128 of A-Z, a-z, 0-9, '_', '.', '-'.")
    String key;

    /** Split at commas, but not inside a {@code {m,n}} quantifier. */
    // @formatter:off (the house formatter does not wrap annotation arguments)
    @Option(names = "--namespaces", paramLabel = "<regex>", split = ",(?![^{]*\\})", splitSynopsisLabel = ",",
            description = "Namespaces that may use it: regular expressions, each matched against the whole namespace "
                + "id, comma-separated or repeated (default: the store's, every namespace).")
    List<String> namespaces;
    // @formatter:on

    @Option(names = "--force", description = "Replace the secret if the key exists (otherwise that is an error).")
    boolean force;

    @Mixin
    SecretInput input;

    @Override
    int execute() {
        GoferStoreClient store = storeClient();
        char[] value = input.read(globals(), "Value of global secret " + key + ": ");
        SecretInfo info;
        try {
            info = store.putGlobalSecret(key, value, namespaces, force);
        } finally {
            Arrays.fill(value, '\0');
        }
        if (jsonOutput()) {
            JsonOutput.print(out(), "secret", StoreJson.globalSecret(info));
        } else {
            out().println("stored global secret " + style().bold(info.key()) + " for namespaces "
                    + String.join(", ", info.namespaces()) + " (use it as global_secret{{" + info.key() + "}})");
        }
        return EXIT_OK;
    }
}
