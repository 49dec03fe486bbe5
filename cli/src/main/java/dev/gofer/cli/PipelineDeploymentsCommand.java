package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.Deployment;
import dev.gofer.sdk.DeploymentState;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer pipeline deployments <id>}: every deployment, newest first. */
// @formatter:off
@Command(name = "deployments", mixinStandardHelpOptions = true,
        description = "List a pipeline's deployments, newest first.")
// @formatter:on
class PipelineDeploymentsCommand extends GoferCommand {

    @Parameters(paramLabel = "<id>", description = "Pipeline id.")
    String pipelineId;

    @Override
    int execute() {
        List<Deployment> deployments = client().listDeployments(namespace(), pipelineId);
        if (jsonOutput()) {
            JsonOutput.print(out(), "deployments", deployments);
            return EXIT_OK;
        }
        Style style = style();
        Table table = Table.withHeaders("DEPLOYMENT", "FROM", "TO", "STATE", "STATUS", "STARTED", "DURATION", "REASON")
                .colour(3, style::state)
                .colour(4, style::state);
        for (Deployment d : deployments) {
            table.row(d.deploymentId(), d.startVersion() > 0 ? d.startVersion() : null, d.endVersion(),
                    d.state().wire(), d.state() == DeploymentState.COMPLETE ? d.status().wire() : null,
                    Times.at(d.started()), Times.duration(d.started(), d.ended()),
                    d.statusReason() == null ? null : Describe.reason(d.statusReason()).strip());
        }
        table.print(out(), style);
        return EXIT_OK;
    }
}
