package dev.gofer.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.gofer.sdk.GoferClient;
import dev.gofer.sdk.Run;
import dev.gofer.sdk.RunNotCreatedException;
import dev.gofer.sdk.RunStatus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code gofer run start <pipeline> [--var K=V]... [--follow]}. */
// @formatter:off
@Command(name = "start", mixinStandardHelpOptions = true,
        description = {
            "Start a run of the pipeline's live config and print its id.",
            "%nWith --follow, print task state changes and stream every task's log live (lines prefixed with the "
                + "task id when the run has several tasks), then the run's status; the exit code is then 0 for a "
                + "successful run and 1 for a failed or cancelled one." })
// @formatter:on
class RunStartCommand extends GoferCommand {

    @Parameters(index = "0", paramLabel = "<pipeline>", description = "Pipeline id.")
    String pipeline;

    // @formatter:off
    @Option(names = { "-v", "--var" }, paramLabel = "KEY=VALUE",
            description = "Run variable passed to every task (repeatable); overrides task variables.")
    Map<String, String> variables = new LinkedHashMap<>();
    // @formatter:on

    @Option(names = {"-f", "--follow"}, description = "Wait for the run to finish, showing progress and live logs.")
    boolean follow;

    @Override
    int execute() throws Exception {
        GoferClient client = client();
        Run run;
        try {
            run = client.startRun(namespace(), pipeline, variables);
        } catch (RunNotCreatedException e) {
            throw new CliException("the run request was accepted (request id " + e.requestId()
                    + ") but the run was not created within the API's wait time; check `gofer run get` later");
        }
        if (!follow) {
            if (jsonOutput()) {
                JsonOutput.print(out(), "run", run);
            } else {
                out().println("started run " + style().bold(Long.toString(run.runId())) + " of " + run.pipelineId()
                        + " (config version " + run.configVersion() + ")");
            }
            return EXIT_OK;
        }
        if (!jsonOutput()) {
            out().println("started run " + style().bold(Long.toString(run.runId())) + " of " + run.pipelineId()
                    + " (config version " + run.configVersion() + ")");
            out().flush();
        }
        RunFollower.Result result = new RunFollower(client, namespace(), pipeline, run.runId(), out(), err(), style(),
                !jsonOutput()).follow();
        if (jsonOutput()) {
            JsonOutput.print(out(), "run", result.run(), "task_runs", result.taskRuns());
        }
        return result.run().status() == RunStatus.SUCCESSFUL ? EXIT_OK : EXIT_RUN_FAILED;
    }
}
