package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer run cancel <pipeline> <run_id> [--grace SECONDS]}. */
// @formatter:off
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel every unfinished task run of a run (SIGTERM, then SIGKILL after the grace period).")
// @formatter:on
class RunCancelCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<run_id>", description = "Run id.")
    long runId;

    // @formatter:off
    @Option(names = "--grace", paramLabel = "<seconds>",
            description = "Seconds the containers get to stop before they are killed (default: the API's, 10).")
    // @formatter:on
    Integer graceSeconds;

    @Override
    int execute() {
        client().cancelRun(namespace(), pipeline, runId, grace(graceSeconds));
        if (!jsonOutput()) {
            out().println("cancelling run " + runId + " of " + pipeline + graceText(graceSeconds));
        }
        return EXIT_OK;
    }
}
