package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.Run;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;

/** {@code gofer run list <pipeline> [--limit N] [--offset N]}: runs, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List a pipeline's runs, newest first.")
class RunListCommand extends GoferCommand {

    @Parameters(paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    // @formatter:off
    @Option(names = "--limit", paramLabel = "<n>", defaultValue = "10",
            description = "How many runs (1-500, default: ${DEFAULT-VALUE}).")
    // @formatter:on
    int limit;

    // @formatter:off
    @Option(names = "--offset", paramLabel = "<n>", defaultValue = "0",
            description = "How many of the newest runs to skip (default: ${DEFAULT-VALUE}).")
    // @formatter:on
    int offset;

    @Override
    int execute() {
        if (limit < 1 || offset < 0) {
            throw new ParameterException(spec.commandLine(),
                    "--limit must be at least 1 and --offset at least 0");
        }
        List<Run> runs = client().listRuns(namespace(), pipeline, limit, offset);
        if (jsonOutput()) {
            JsonOutput.print(out(), "runs", runs);
            return EXIT_OK;
        }
        Style style = style();
        Table table = Table.withHeaders("RUN", "STATE", "STATUS", "CONFIG", "STARTED", "DURATION", "INITIATOR")
                .colour(1, style::state)
                .colour(2, style::state);
        for (Run run : runs) {
            table.row(run.runId(), run.state().wire(), run.status().wire(), run.configVersion(),
                    Times.at(run.started()), Times.duration(run.started(), run.ended()),
                    run.initiator() == null ? null : run.initiator().kind() + " (" + run.initiator().name() + ")");
        }
        table.print(out(), style);
        return EXIT_OK;
    }
}
