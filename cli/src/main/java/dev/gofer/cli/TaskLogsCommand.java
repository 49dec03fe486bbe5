package dev.gofer.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer task logs <pipeline> <run_id> <task_id>}: the stored log lines, as plain text in any output mode. */
// @formatter:off
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = "Print a task run's stored log lines (plain text in every output mode).")
// @formatter:on
class TaskLogsCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<run_id>", description = "Run id.")
    long runId;

    @Parameters(index = "2", paramLabel = "<task_id>", description = "Task id.")
    String taskId;

    @Override
    int execute() {
        String log = client().getTaskLogs(namespace(), pipeline, runId, taskId);
        out().print(log);
        return EXIT_OK;
    }
}
