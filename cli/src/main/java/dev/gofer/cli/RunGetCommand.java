package dev.gofer.cli;

import java.util.List;
import java.util.stream.Collectors;

import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.TaskRun;

import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code gofer run get <pipeline> <run_id>}: the run and a table of its task runs. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Show a run and its task runs.")
class RunGetCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    @Parameters(index = "1", paramLabel = "<run_id>", description = "Run id.")
    long runId;

    @Override
    int execute() {
        GoferClient client = client();
        Run run = client.getRun(namespace(), pipeline, runId);
        List<TaskRun> tasks = client.listTaskRuns(namespace(), pipeline, runId);
        if (jsonOutput()) {
            JsonOutput.print(out(), "run", run, "task_runs", tasks);
            return EXIT_OK;
        }
        Style style = style();
        Table.plain()
                .row("run", run.runId())
                .row("pipeline", run.pipelineId() + " (config version " + run.configVersion() + ")")
                .row("state", Describe.runState(run, style))
                .row("initiator", run.initiator() == null
                        ? null
                        : run.initiator().kind() + " (" + run.initiator().name() + ")")
                .row("started", Times.at(run.started()))
                .row("ended", Times.at(run.ended()))
                .row("duration", Times.duration(run.started(), run.ended()))
                .row("variables", run.variables().isEmpty()
                        ? null
                        : run.variables()
                                .stream()
                                .map(v -> v.key() + "=" + v.value())
                                .collect(Collectors.joining(" ")))
                .print(out(), style);
        out().println();
        Table table = Table.withHeaders("TASK", "STATE", "STATUS", "EXIT", "STARTED", "DURATION", "LOG LINES")
                .colour(1, style::state)
                .colour(2, style::state);
        for (TaskRun task : tasks) {
            table.row(task.taskId(), task.state().wire(), task.status().wire(), task.exitCode(),
                    Times.at(task.started()), Times.duration(task.started(), task.ended()),
                    task.logs().lines() + (task.logs().complete() ? "" : "+"));
        }
        table.print(out(), style);
        return EXIT_OK;
    }
}
