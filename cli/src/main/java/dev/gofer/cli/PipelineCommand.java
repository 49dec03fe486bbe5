package dev.gofer.cli;

import picocli.CommandLine.Command;

/** {@code gofer pipeline ...}: pipelines, their config versions and deployments. */
// @formatter:off
@Command(name = "pipeline", mixinStandardHelpOptions = true,
        description = "Register, deploy and manage pipelines.",
        subcommands = { PipelineListCommand.class, PipelineGetCommand.class, PipelineRegisterCommand.class,
            PipelineDeployCommand.class, PipelineConfigsCommand.class, PipelineDeploymentsCommand.class,
            PipelineEnableCommand.class, PipelineDisableCommand.class, PipelineDeleteCommand.class })
// @formatter:on
class PipelineCommand {
}
