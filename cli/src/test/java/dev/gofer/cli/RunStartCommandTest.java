package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

@Timeout(60)
class RunStartCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RUNS = Samples.PIPE + "/runs";
    private static final String RUN = RUNS + "/7";

    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldSendRunVariablesAndPrintTheRunIdWhenStartingWithVars() throws Exception {
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "--var", "GREETING=hi",
                "-v", "QUERY=a=b");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("started run 7 of simple (config version 3)\n");
        assertThat(MAPPER.readTree(api.requests().get(0).body()))
                .isEqualTo(MAPPER.readTree("{\"variables\":{\"GREETING\":\"hi\",\"QUERY\":\"a=b\"}}"));
    }

    @Test
    void shouldPrintStateChangesLogAndExitZeroWhenFollowedRunSucceeds() {
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));
        api.on("GET", RUN, 200, Samples.run("running", "unknown", null), Samples.run("running", "unknown", null),
                Samples.run("running", "unknown", null), Samples.run("complete", "successful", null));
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("simple_task", "waiting", "unknown", null, 0, false)),
                Samples.taskRuns(Samples.taskRun("simple_task", "running", "unknown", null, 1700000001000L, false)),
                Samples.taskRuns(Samples.taskRun("simple_task", "running", "unknown", null, 1700000001000L, false)),
                Samples.taskRuns(Samples.taskRun("simple_task", "complete", "successful", 0, 1700000001000L, false)));
        // The log is not complete when the run completes: the CLI waits for it before printing.
        api.on("GET", RUN + "/tasks/simple_task", 200,
                "{\"task_run\":" + Samples.taskRun("simple_task", "complete", "successful", 0, 1, false) + "}",
                "{\"task_run\":" + Samples.taskRun("simple_task", "complete", "successful", 0, 1, true) + "}");
        api.onText("GET", RUN + "/tasks/simple_task/logs", 200, "text/plain", "Hello from Gofer!\n");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "--follow");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                started run 7 of simple (config version 3)
                simple_task  waiting
                simple_task  running
                simple_task  complete successful (exit 0)
                --- simple_task log ---
                Hello from Gofer!
                run 7  complete successful
                """);
        assertThat(api.requests("GET", RUN + "/tasks/simple_task")).hasSize(2);
    }

    @Test
    void shouldAlignTasksSkipLogsOfTasksThatNeverRanAndExitOneWhenFollowedRunFails() {
        String reason = "{\"reason\":\"abnormal_exit\",\"description\":\"task build failed\"}";
        String skipped = Samples.taskRun("deploy", "complete", "skipped", null, 0, true)
                .replace("\"status_reason\":null",
                        "\"status_reason\":{\"reason\":\"failed_precondition\",\"description\":\"parent failed\"}")
                .replace("\"lines\":1", "\"lines\":0");
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));
        api.on("GET", RUN, 200, Samples.run("complete", "failed", reason));
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("build", "complete", "failed", 3, 1700000001000L, true), skipped));
        api.onText("GET", RUN + "/tasks/build/logs", 200, "text/plain", "compiling\nerror: boom\n");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "-f");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("""
                started run 7 of simple (config version 3)
                build   complete failed (exit 3)
                deploy  complete skipped (failed_precondition)
                --- build log ---
                compiling
                error: boom
                run 7  complete failed (abnormal_exit: task build failed)
                """);
        assertThat(api.requests("GET", RUN + "/tasks/deploy/logs")).isEmpty();
    }

    @Test
    void shouldPrintFinalRunAndTaskRunsAsJsonWhenFollowingWithJsonOutput() throws Exception {
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));
        api.on("GET", RUN, 200, Samples.run("complete", "cancelled", null));
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("simple_task", "complete", "cancelled", null, 0, true)));

        Cli.Result result = Cli.run("--api-url", api.url(), "-o", "json", "run", "start", "simple", "--follow");

        assertThat(result.exitCode()).isEqualTo(1);
        JsonNode json = MAPPER.readTree(result.out());
        assertThat(json.at("/run/status").asText()).isEqualTo("cancelled");
        assertThat(json.at("/run/run_id").asLong()).isEqualTo(7);
        assertThat(json.at("/task_runs/0/task_id").asText()).isEqualTo("simple_task");
        assertThat(json.at("/task_runs/0/logs/complete").asBoolean()).isTrue();
    }

    @Test
    void shouldExitTwoNamingTheRequestWhenTheRunWasAcceptedButNotCreated() {
        api.on("POST", RUNS, 202, "{\"request_id\":\"req-42\"}");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "--follow");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: the run request was accepted (request id req-42)");
    }

    @Test
    void shouldExitTwoWithTheProblemWhenThePipelineDoesNotExist() {
        api.onText("POST", RUNS, 404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"pipeline default/simple does not exist\"}");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Not Found: pipeline default/simple does not exist\n");
    }

    @Test
    void shouldExitTwoWithUsageWhenTheVariableIsMalformed() {
        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "--var", "NOEQUALS");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("NOEQUALS");
        assertThat(api.requests()).isEmpty();
    }
}
