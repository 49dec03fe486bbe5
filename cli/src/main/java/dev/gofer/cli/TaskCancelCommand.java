package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer task cancel <pipeline> <run_id> <task_id> [--grace SECONDS]}. */
// @formatter:off
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Cancel one task run (SIGTERM, then SIGKILL after the grace period).")
// @formatter:on
class TaskCancelCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<run_id>", description = "Run id.")
    long runId;

    @Parameters(index = "2", paramLabel = "<task_id>", description = "Task id.")
    String taskId;

    // @formatter:off
    @Option(names = "--grace", paramLabel = "<seconds>",
            description = "Seconds the container gets to stop before it is killed (default: the API's).")
    // @formatter:on
    Integer graceSeconds;

    @Override
    int execute() {
        client().cancelTaskRun(namespace(), pipeline, runId, taskId, grace(graceSeconds));
        if (!jsonOutput()) {
            out().println("cancelling task " + taskId + " of run " + runId + " of " + pipeline
                    + graceText(graceSeconds));
        }
        return EXIT_OK;
    }
}
