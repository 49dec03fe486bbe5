package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.SecretInfo;

import picocli.CommandLine.Command;

/** {@code gofer secret global list}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the global secrets (never values).")
class SecretGlobalListCommand extends GoferCommand {

    @Override
    int execute() {
        List<SecretInfo> secrets = storeClient().listGlobalSecrets();
        if (jsonOutput()) {
            JsonOutput.print(out(), "secrets", StoreJson.globalSecrets(secrets));
            return EXIT_OK;
        }
        Table table = Table.withHeaders("KEY", "NAMESPACES", "CREATED");
        for (SecretInfo secret : secrets) {
            table.row(secret.key(), String.join(",", secret.namespaces()), Times.at(secret.created()));
        }
        table.print(out(), style());
        return EXIT_OK;
    }
}
