package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.SecretInfo;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer secret list <pipeline>}. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List the secrets of a pipeline (never values).")
class SecretListCommand extends GoferCommand {

    @Parameters(paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Override
    int execute() {
        List<SecretInfo> secrets = storeClient().listPipelineSecrets(namespace(), pipeline);
        if (jsonOutput()) {
            JsonOutput.print(out(), "secrets", StoreJson.pipelineSecrets(secrets));
            return EXIT_OK;
        }
        Table table = Table.withHeaders("KEY", "CREATED");
        for (SecretInfo secret : secrets) {
            table.row(secret.key(), Times.at(secret.created()));
        }
        table.print(out(), style());
        return EXIT_OK;
    }
}
