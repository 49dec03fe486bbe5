package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class RunAndTaskGetCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String RUN = Samples.PIPE + "/runs/7";
    private static final String RETRIED_TASK_RUN = """
            {"task_run":{"namespace_id":"default","pipeline_id":"simple","run_id":7,"task_id":"flaky","attempt":2,
             "image":"ubuntu:latest","state":"waiting","status":"unknown","status_reason":null,"exit_code":null,
             "created":1700000000000,"started":0,"ended":0,"worker_id":null,"variables":[],
             "logs":{"lines":0,"complete":false},"retry_at":1700000030000,
             "attempts":[{"attempt":1,"worker_id":"worker-1","exit_code":null,"status":"failed",
                          "status_reason":{"reason":"worker_lost",
                                           "description":"worker worker-1 stopped sending heartbeats"},
                          "started":1700000001000,"ended":1700000020000},
                         {"attempt":2,"worker_id":null,"exit_code":null,"status":"unknown","status_reason":null,
                          "started":0,"ended":0}]}}
            """;

    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
        api.on("GET", RUN, 200, Samples.run("complete", "failed",
                "{\"reason\":\"abnormal_exit\",\"description\":\"task build failed\"}"));
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("build", "complete", "failed", 3, 1700000001000L, true),
                        Samples.taskRun("long_task_name", "running", "unknown", null, 1700000001000L, false)));
        api.on("GET", RUN + "/tasks/build", 200,
                "{\"task_run\":" + Samples.taskRun("build", "complete", "failed", 3, 1700000001000L, true) + "}");
        api.onText("GET", RUN + "/tasks/build/logs", 200, "text/plain", "line one\nline two\n");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldPrintRunDetailsAndAnAlignedTaskTableWhenGettingARun() {
        Cli.Result result = Cli.run("--api-url", api.url(), "run", "get", "simple", "7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).contains("run        7", "pipeline   simple (config version 3)",
                "state      complete failed (abnormal_exit: task build failed)", "initiator  api (cli)",
                "variables  GREETING=hi");
        String header = lines.stream().filter(l -> l.startsWith("TASK")).findFirst().orElseThrow();
        String build = lines.stream().filter(l -> l.startsWith("build ")).findFirst().orElseThrow();
        String running = lines.stream().filter(l -> l.startsWith("long_task_name")).findFirst().orElseThrow();
        assertThat(header.indexOf("STATE")).isEqualTo(build.indexOf("complete")).isEqualTo(running.indexOf("running"))
                .isEqualTo("long_task_name".length() + 2);
        assertThat(header.indexOf("STATUS")).isEqualTo(build.indexOf("failed"));
        assertThat(header.indexOf("EXIT")).isEqualTo(build.indexOf("3 "));
        assertThat(running).endsWith("1+");
    }

    @Test
    void shouldPrintRunAndTaskRunsAsJsonWhenOutputIsJson() throws Exception {
        Cli.Result result = Cli.run("run", "get", "simple", "7", "--api-url", api.url(), "--output", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        JsonNode json = MAPPER.readTree(result.out());
        assertThat(json.at("/run/status_reason/reason").asText()).isEqualTo("abnormal_exit");
        assertThat(json.at("/task_runs/0/exit_code").asInt()).isEqualTo(3);
        assertThat(json.at("/task_runs/1/exit_code").isNull()).isTrue();
        assertThat(json.at("/task_runs/1/state").asText()).isEqualTo("running");
    }

    @Test
    void shouldPrintTaskDetailsAndVariablesWhenGettingATask() {
        Cli.Result result = Cli.run("--api-url", api.url(), "task", "get", "simple", "7", "build");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).contains("task      build (attempt 1)", "image     ubuntu:latest",
                "state     complete failed (exit 3)", "worker    worker-1", "log       1 lines (complete)",
                "VARIABLE      VALUE  SOURCE", "GOFER_RUN_ID  7      system", "GREETING      hi     run_options");
    }

    @Test
    void shouldPrintAttemptsAndRetryTimeWhenTaskRunWaitsForARetry() throws Exception {
        api.on("GET", RUN + "/tasks/flaky", 200, RETRIED_TASK_RUN);

        Cli.Result result = Cli.run("--api-url", api.url(), "task", "get", "simple", "7", "flaky");
        Cli.Result json = Cli.run("--api-url", api.url(), "-o", "json", "task", "get", "simple", "7", "flaky");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).contains("state     waiting (attempt 2)",
                "retry at  " + Times.at(1700000030000L),
                "attempt 1  failed (worker_lost: worker worker-1 stopped sending heartbeats)  worker worker-1  exit -",
                "attempt 2  waiting  worker -  exit -");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode taskRun = MAPPER.readTree(json.out()).get("task_run");
        assertThat(taskRun.get("retry_at").asLong()).isEqualTo(1700000030000L);
        assertThat(taskRun.at("/attempts/0/status_reason/reason").asText()).isEqualTo("worker_lost");
        assertThat(taskRun.at("/attempts/0/worker_id").asText()).isEqualTo("worker-1");
        assertThat(taskRun.at("/attempts/1/status").asText()).isEqualTo("unknown");
    }

    @Test
    void shouldPrintNoAttemptLinesWhenTaskRunHasOneAttempt() {
        Cli.Result result = Cli.run("--api-url", api.url(), "task", "get", "simple", "7", "build");

        assertThat(result.out()).doesNotContain("attempt 1  ", "retry at");
    }

    @Test
    void shouldPrintTheStoredLinesVerbatimWhenGettingTaskLogs() {
        Cli.Result result = Cli.run("--api-url", api.url(), "task", "logs", "simple", "7", "build");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("line one\nline two\n");
    }

    @Test
    void shouldExitTwoWithTheProblemWhenTheTaskDoesNotExist() {
        Cli.Result result = Cli.run("--api-url", api.url(), "task", "get", "simple", "7", "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: Not Found: no fake route for GET " + RUN + "/tasks/nope");
    }

    @Test
    void shouldExitTwoNamingTheUrlWhenTheApiIsUnreachable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        Cli.Result result = Cli.run("--api-url", "http://127.0.0.1:" + freePort, "run", "get", "simple", "7");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: cannot reach the Gofer API at http://127.0.0.1:" + freePort);
    }

    @Test
    void shouldExitTwoWithUsageWhenTheRunIdIsMissingOrNotANumber() {
        assertThat(Cli.run("--api-url", api.url(), "run", "get", "simple").exitCode()).isEqualTo(2);
        Cli.Result notANumber = Cli.run("--api-url", api.url(), "run", "get", "simple", "seven");

        assertThat(notANumber.exitCode()).isEqualTo(2);
        assertThat(notANumber.err()).contains("seven");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldRejectAnUnknownOutputFormatWhenParsingGlobalOptions() {
        Cli.Result result = Cli.run("-o", "yaml", "run", "get", "simple", "7");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("expected plain or json, was 'yaml'");
    }
}
