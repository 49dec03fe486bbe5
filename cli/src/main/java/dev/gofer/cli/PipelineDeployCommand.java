package dev.gofer.cli;

import dev.gofer.sdk.Deployment;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer pipeline deploy <id> <version>}: makes a config version live. */
// @formatter:off
@Command(name = "deploy", mixinStandardHelpOptions = true,
        description = "Make a config version live (new runs use it; the previous live version is deprecated).")
// @formatter:on
class PipelineDeployCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<id>", description = "Pipeline id.")
    String pipelineId;

    @Parameters(index = "1", paramLabel = "<version>", description = "Config version.")
    long version;

    @Override
    int execute() {
        Deployment deployment = client().deployConfig(namespace(), pipelineId, version);
        if (jsonOutput()) {
            JsonOutput.print(out(), "deployment", deployment);
        } else {
            out().println(Describe.deployment(deployment, style()));
        }
        return EXIT_OK;
    }
}
