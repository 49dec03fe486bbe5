package dev.gofer.cli;

import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.SecretInfo;
import dev.gofer.sdk.SecretValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer secret global get <key> [--reveal]}. */
// @formatter:off
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {
            "Show a global secret: key, namespace patterns and creation time.",
            "%nWith --reveal, print only its value followed by a newline (with -o json: the secret with the value "
                + "under \"secret\"); that needs a token allowed secrets: reveal, e.g. an admin token (the token "
                + "every command sends: --token-file, env GOFER_API_TOKEN or the current context's)." })
// @formatter:on
class SecretGlobalGetCommand extends GoferCommand {

    @Parameters(paramLabel = "<key>", description = "Secret key.")
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
            SecretValue secret = store.revealGlobalSecret(key);
            if (jsonOutput()) {
                JsonOutput.print(out(), "secret", StoreJson.revealed(secret, true));
            } else {
                out().println(secret.value());
            }
            return EXIT_OK;
        }
        SecretInfo secret = store.getGlobalSecret(key);
        if (jsonOutput()) {
            JsonOutput.print(out(), "secret", StoreJson.globalSecret(secret));
        } else {
            Table.plain()
                    .row("key", secret.key())
                    .row("namespaces", String.join(", ", secret.namespaces()))
                    .row("created", Times.at(secret.created()))
                    .print(out(), style());
        }
        return EXIT_OK;
    }
}
