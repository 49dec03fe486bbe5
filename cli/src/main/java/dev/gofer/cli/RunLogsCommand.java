package dev.gofer.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.TaskRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gofer run logs <pipeline> <run_id> [<task_id>] [--follow]}: the logs of one task or of every task of a run,
 * stored or live.
 */
// @formatter:off
@Command(name = "logs", mixinStandardHelpOptions = true,
        description = {
            "Print the log of a task, or of every task of a run.",
            "%nWithout <task_id>, lines are prefixed with the task id when the run has several tasks. With --follow, "
                + "the logs stream live until every task is complete. Plain text in every output mode." })
// @formatter:on
class RunLogsCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<run_id>", description = "Run id.")
    long runId;

    @Parameters(index = "2", arity = "0..1", paramLabel = "<task_id>", description = "Task id (default: every task).")
    String taskId;

    @Option(names = {"-f", "--follow"}, description = "Stream the logs live until the tasks are complete.")
    boolean follow;

    @Override
    int execute() throws InterruptedException {
        GoferClient client = client();
        if (taskId != null) {
            if (follow) {
                client.followTaskLogs(namespace(), pipeline, runId, taskId, 0, line -> {
                    out().println(line.text());
                    out().flush();
                });
            } else {
                out().print(client.getTaskLogs(namespace(), pipeline, runId, taskId));
            }
            return EXIT_OK;
        }
        List<TaskRun> tasks = client.listTaskRuns(namespace(), pipeline, runId);
        LogPrinter printer = new LogPrinter(out(), style(), tasks.stream().map(TaskRun::taskId).toList());
        if (!follow) {
            for (TaskRun task : tasks) {
                if (task.logs().lines() > 0) {
                    printer.text(task.taskId(), client.getTaskLogs(namespace(), pipeline, runId, task.taskId()));
                }
            }
            return EXIT_OK;
        }
        Map<String, RuntimeException> failures = new ConcurrentHashMap<>();
        try (LogTail tail = new LogTail(client, namespace(), pipeline, runId, printer)) {
            for (TaskRun task : tasks) {
                tail.follow(task.taskId(), task.attempt(), (id, failure) -> {
                    if (failure != null) {
                        failures.put(id, failure);
                    }
                });
            }
            tail.await(null);
        }
        failures.forEach((id, failure) -> err().println("error: log of " + id + ": " + failure.getMessage()));
        return failures.isEmpty() ? EXIT_OK : EXIT_ERROR;
    }
}
