package dev.gofer.cli;

import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.SecretInfo;
import dev.gofer.sdk.SecretValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer secret get <pipeline> <key> [--reveal]}. */
// @formatter:off
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {
            "Show a secret of a pipeline: key and creation time.",
            "%nWith --reveal, print only its value followed by a newline (with -o json: the secret with the value "
                + "under \"secret\"); that needs a token allowed secrets: reveal, e.g. an admin token (the token "
                + "every command sends: --token-file, env GOFER_API_TOKEN or the current context's)." })
// @formatter:on
class SecretGetCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<key>", description = "Secret key.")
    String key;

    // @formatter:off
    @Option(names = "--reveal",
            description = "Print only the value (asks with include_secret=true; needs a token allowed "
                + "secrets: reveal, e.g. an admin token).")
    boolean reveal;
    // @formatter:on

    @Override
    int execute() {
        GoferStoreClient store = storeClient();
        if (reveal) {
            SecretValue secret = store.revealPipelineSecret(namespace(), pipeline, key);
            if (jsonOutput()) {
                JsonOutput.print(out(), "secret", StoreJson.revealed(secret, false));
            } else {
                out().println(secret.value());
            }
            return EXIT_OK;
        }
        SecretInfo secret = store.getPipelineSecret(namespace(), pipeline, key);
        if (jsonOutput()) {
            JsonOutput.print(out(), "secret", StoreJson.pipelineSecret(secret));
        } else {
            Table.plain()
                    .row("key", secret.key())
                    .row("pipeline", namespace() + "/" + pipeline)
                    .row("created", Times.at(secret.created()))
                    .print(out(), style());
        }
        return EXIT_OK;
    }
}
