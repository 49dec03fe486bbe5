package dev.gofer.cli;

import java.util.List;

import dev.gofer.sdk.TaskRun;
import dev.gofer.sdk.Variable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer task get <pipeline> <run_id> <task_id>}: one task run and its environment. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a task run, its attempts and its variables.")
class TaskGetCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<run_id>", description = "Run id.")
    long runId;

    @Parameters(index = "2", paramLabel = "<task_id>", description = "Task id.")
    String taskId;

    @Override
    int execute() {
        TaskRun task = client().getTaskRun(namespace(), pipeline, runId, taskId);
        if (jsonOutput()) {
            JsonOutput.print(out(), "task_run", task);
            return EXIT_OK;
        }
        Style style = style();
        Table details = Table.plain()
                .row("task", task.taskId() + " (attempt " + task.attempt() + ")")
                .row("run", task.runId() + " of " + task.pipelineId())
                .row("image", task.image())
                .row("state", Describe.taskState(task, style) + Describe.reason(task.statusReason()));
        if (task.retryAt() > 0) {
            details.row("retry at", Times.at(task.retryAt()));
        }
        details.row("created", Times.at(task.created()))
                .row("started", Times.at(task.started()))
                .row("ended", Times.at(task.ended()))
                .row("duration", Times.duration(task.started(), task.ended()))
                .row("worker", task.workerId())
                .row("log", task.logs().lines() + " lines" + (task.logs().complete() ? " (complete)" : ""))
                .print(out(), style);
        List<String> attempts = Describe.attempts(task, style);
        if (!attempts.isEmpty()) {
            out().println();
            attempts.forEach(out()::println);
        }
        if (!task.variables().isEmpty()) {
            out().println();
            Table variables = Table.withHeaders("VARIABLE", "VALUE", "SOURCE");
            for (Variable variable : task.variables()) {
                variables.row(variable.key(), variable.value(), variable.source().wire());
            }
            variables.print(out(), style);
        }
        return EXIT_OK;
    }
}
