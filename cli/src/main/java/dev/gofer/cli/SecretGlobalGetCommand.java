package dev.gofer.cli;

import dev.gofer.sdk.GoferStoreClient;
import dev.gofer.sdk.SecretInfo;
import dev.gofer.sdk.SecretValue;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code gofer secret global get <key> [--reveal]}. */
// @formatter:off
@Command(name = "get", mixinStandardHelpOptions = true,
        description = {
            "Show a global secret: key, namespace patterns and creation time.",
            "%nWith --reveal, print only its value followed by a newline (with -o json: the secret with the value "
                + "under \"secret\"); that needs the store's admin token (env GOFER_STORE_ADMIN_TOKEN or "
                + "--admin-token-file)." })
// @formatter:on
class SecretGlobalGetCommand extends GoferCommand {

    @Parameters(paramLabel = "<key>", description = "Secret key.")
    String key;

    @Mixin
    AdminTokenOption admin;

    @Override
    int execute() {
        String token = admin.token(globals());
        GoferStoreClient store = storeClient(token);
        if (token != null) {
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
