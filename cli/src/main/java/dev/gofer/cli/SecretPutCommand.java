package dev.gofer.cli;

import java.util.Arrays;

import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.SecretInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer secret put <pipeline> <key> [--file F] [--force]}: the value from stdin or a file. */
// @formatter:off
@Command(name = "put", mixinStandardHelpOptions = true,
        description = {
            "Store a secret for a pipeline, used in its tasks as pipeline_secret{{key}}.",
            "%nThe value comes from standard input (one trailing newline dropped; on a terminal it is asked for "
                + "without echo) or from --file (byte-exact), never from the command line:",
            "  echo s3cret | gofer secret put simple token",
            "  gofer secret put simple token --file token.txt --strip-newline" })
// @formatter:on
class SecretPutCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<key>", description = "Secret key: 1-128 of A-Z, a-z, 0-9, '_', '.', '-'.")
    String key;

    @Option(names = "--force", description = "Replace the secret if the key exists (otherwise that is an error).")
    boolean force;

    @Mixin
    SecretInput input;

    @Override
    int execute() {
        GoferStoreClient store = storeClient();
        char[] value = input.read(globals(), "Value of secret " + key + " of " + namespace() + "/" + pipeline + ": ");
        SecretInfo info;
        try {
            info = store.putPipelineSecret(namespace(), pipeline, key, value, force);
        } finally {
            Arrays.fill(value, '\0');
        }
        if (jsonOutput()) {
            JsonOutput.print(out(), "secret", StoreJson.pipelineSecret(info));
        } else {
            out().println("stored secret " + style().bold(info.key()) + " of " + namespace() + "/" + pipeline
                    + " (use it as pipeline_secret{{" + info.key() + "}})");
        }
        return EXIT_OK;
    }
}
