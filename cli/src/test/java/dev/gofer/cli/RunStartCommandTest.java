package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

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
    void shouldPrintStateChangesAndStreamTheLogLiveAndExitZeroWhenFollowedRunSucceeds() {
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));
        api.on("GET", RUN, 200, Samples.run("running", "unknown", null), Samples.run("running", "unknown", null),
                Samples.run("running", "unknown", null), Samples.run("complete", "successful", null));
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("simple_task", "waiting", "unknown", null, 0, false)),
                Samples.taskRuns(Samples.taskRun("simple_task", "running", "unknown", null, 1700000001000L, false)),
                Samples.taskRuns(Samples.taskRun("simple_task", "running", "unknown", null, 1700000001000L, false)),
                Samples.taskRuns(Samples.taskRun("simple_task", "complete", "successful", 0, 1700000001000L, true)));
        api.onStream(RUN + "/tasks/simple_task/logs/stream", Samples.logStream("Hello from Gofer!", "bye"));

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "--follow");

        assertThat(result.exitCode()).as(result.err()).isZero();
        // One task: log lines are not prefixed; the complete line comes after the task's last log line.
        assertThat(result.out()).isEqualTo("""
                started run 7 of simple (config version 3)
                simple_task  waiting
                simple_task  running
                Hello from Gofer!
                bye
                simple_task  complete successful (exit 0)
                run 7  complete successful
                """);
        assertThat(api.requests("GET", RUN + "/tasks/simple_task/logs/stream")).hasSize(1);
        assertThat(api.requests("GET", RUN + "/tasks/simple_task/logs")).isEmpty();
    }

    @Test
    void shouldResumeTheLiveLogWithoutDuplicatesWhenTheStreamIsCut() {
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));
        api.on("GET", RUN, 200, Samples.run("running", "unknown", null), Samples.run("complete", "successful", null));
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("simple_task", "running", "unknown", null, 1700000001000L, false)),
                Samples.taskRuns(Samples.taskRun("simple_task", "complete", "successful", 0, 1700000001000L, true)));
        // Cut after line 2 (and in the middle of line 3); the resumed stream repeats line 2.
        api.onStream(RUN + "/tasks/simple_task/logs/stream",
                "retry: 0\n" + Samples.logLine(1, "one") + Samples.logLine(2, "two") + "id: 3\nevent: line\ndata: {",
                Samples.logLine(2, "two") + Samples.logLine(3, "three") + "event: end\ndata: {\"lines\":3}\n\n");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "--follow");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).containsExactly("started run 7 of simple (config version 3)",
                "simple_task  running", "one", "two", "three", "simple_task  complete successful (exit 0)",
                "run 7  complete successful");
        List<FakeApi.Recorded> streams = api.requests("GET", RUN + "/tasks/simple_task/logs/stream");
        assertThat(streams).extracting(r -> r.header("Last-Event-ID")).containsExactly(null, "2");
    }

    @Test
    void shouldPrefixLogLinesSkipTasksThatNeverRanAndExitOneWhenFollowedRunFails() {
        String reason = "{\"reason\":\"abnormal_exit\",\"description\":\"task build failed\"}";
        String skipped = Samples.taskRun("deploy", "complete", "skipped", null, 0, true)
                .replace("\"status_reason\":null",
                        "\"status_reason\":{\"reason\":\"failed_precondition\",\"description\":\"parent failed\"}")
                .replace("\"lines\":1", "\"lines\":0");
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));
        api.on("GET", RUN, 200, Samples.run("complete", "failed", reason));
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("build", "complete", "failed", 3, 1700000001000L, true), skipped));
        api.onStream(RUN + "/tasks/build/logs/stream", Samples.logStream("compiling", "error: boom"));

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "-f");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("""
                started run 7 of simple (config version 3)
                deploy  complete skipped (failed_precondition: parent failed)
                build  | compiling
                build  | error: boom
                build   complete failed (exit 3)
                run 7  complete failed (abnormal_exit: task build failed)
                """);
        assertThat(api.requests("GET", RUN + "/tasks/deploy/logs/stream")).isEmpty();
    }

    @Test
    void shouldNameWhyATaskCouldNotRunWhenFollowedRunFailsBeforeItsContainerStarted() {
        String pull = "cannot pull image 'ubuntu:latest': the registry could not be reached (registry-1.docker.io)";
        String failed = Samples.taskRun("simple", "complete", "failed", null, 0, true)
                .replace("\"status_reason\":null",
                        "\"status_reason\":{\"reason\":\"scheduler_error\",\"description\":\"" + pull + "\"}")
                .replace("\"lines\":1", "\"lines\":0");
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));
        api.on("GET", RUN, 200, Samples.run("complete", "failed",
                "{\"reason\":\"abnormal_exit\",\"description\":\"task simple failed\"}"));
        api.on("GET", RUN + "/tasks", 200, Samples.taskRuns(failed));

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "--follow");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEqualTo("""
                started run 7 of simple (config version 3)
                simple  complete failed (scheduler_error: %s)
                run 7  complete failed (abnormal_exit: task simple failed)
                """.formatted(pull));
    }

    @Test
    void shouldStreamTheLogsOfSeveralRunningTasksPrefixedWhenFollowing() {
        api.on("POST", RUNS, 201, Samples.run("pending", "unknown", null));
        api.on("GET", RUN, 200, Samples.run("running", "unknown", null), Samples.run("complete", "successful", null));
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("lint", "running", "unknown", null, 1700000001000L, false),
                        Samples.taskRun("unit_tests", "running", "unknown", null, 1700000001000L, false)),
                Samples.taskRuns(Samples.taskRun("lint", "complete", "successful", 0, 1700000001000L, true),
                        Samples.taskRun("unit_tests", "complete", "successful", 0, 1700000001000L, true)));
        api.onStream(RUN + "/tasks/lint/logs/stream", Samples.logStream("lint ok"));
        api.onStream(RUN + "/tasks/unit_tests/logs/stream", Samples.logStream("test 1 passed", "test 2 passed"));

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "start", "simple", "--follow");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).containsSubsequence("lint        running", "lint       | lint ok",
                "lint        complete successful (exit 0)");
        assertThat(lines).containsSubsequence("unit_tests  running", "unit_tests | test 1 passed",
                "unit_tests | test 2 passed", "unit_tests  complete successful (exit 0)");
        assertThat(lines).hasSize(9).endsWith("run 7  complete successful");
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
        assertThat(api.requests()).noneMatch(r -> r.path().endsWith("/logs/stream"));
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
