package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.ObjectMapper;

@Timeout(60)
class RunListCancelLogsCommandTest {

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

    private static String runObject(long runId, String state, String status) {
        String run = Samples.run(state, status, null).strip();
        return run.substring("{\"run\":".length(), run.length() - 1).replace("\"run_id\":7", "\"run_id\":" + runId);
    }

    @Test
    void shouldSendLimitAndOffsetAndPrintATableWhenListingRuns() {
        api.on("GET", RUNS, 200, "{\"runs\":[" + runObject(12, "running", "unknown") + ","
                + runObject(11, "complete", "successful") + "]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "list", "simple", "--limit", "2", "--offset", "5");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests().get(0).query()).isEqualTo("limit=2&offset=5");
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("RUN  STATE     STATUS      CONFIG  STARTED");
        assertThat(lines.get(1)).startsWith("12   running   unknown     3       ");
        assertThat(lines.get(2)).startsWith("11   complete  successful  3       ").endsWith("api (cli)");
    }

    @Test
    void shouldAskForTheTenNewestRunsWhenListingWithoutOptions() throws Exception {
        api.on("GET", RUNS, 200, "{\"runs\":[]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "list", "simple", "-o", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests().get(0).query()).isEqualTo("limit=10&offset=0");
        assertThat(MAPPER.readTree(result.out()).get("runs").isEmpty()).isTrue();
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheLimitIsNotPositive() {
        Cli.Result result = Cli.run("--api-url", api.url(), "run", "list", "simple", "--limit", "0");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--limit must be at least 1");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldSendTheGraceWhenCancellingARun() {
        api.onStatus("DELETE", RUN, 204);

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "cancel", "simple", "7", "--grace", "30");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("cancelling run 7 of simple (grace 30s)\n");
        assertThat(api.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.query())
                .containsExactly("DELETE " + RUN + " grace=30");
    }

    @Test
    void shouldLeaveTheGraceToTheApiWhenCancellingWithoutIt() {
        api.onStatus("DELETE", RUN, 204);

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "cancel", "simple", "7");

        assertThat(result.out()).isEqualTo("cancelling run 7 of simple\n");
        assertThat(api.requests().get(0).query()).isNull();
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheGraceIsNegative() {
        Cli.Result result = Cli.run("--api-url", api.url(), "run", "cancel", "simple", "7", "--grace", "-1");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("--grace must not be negative");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldCancelOneTaskRunWithTheGraceWhenCancellingATask() {
        api.onStatus("DELETE", RUN + "/tasks/build", 204);

        Cli.Result result = Cli.run("--api-url", api.url(), "task", "cancel", "simple", "7", "build", "--grace", "5");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("cancelling task build of run 7 of simple (grace 5s)\n");
        assertThat(api.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.query())
                .containsExactly("DELETE " + RUN + "/tasks/build grace=5");
    }

    @Test
    void shouldPrintEveryTasksStoredLogPrefixedWhenGettingRunLogsWithoutATask() {
        String skipped = Samples.taskRun("deploy", "complete", "skipped", null, 0, true).replace("\"lines\":1",
                "\"lines\":0");
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("build", "complete", "successful", 0, 1, true),
                        Samples.taskRun("test", "complete", "failed", 1, 1, true), skipped));
        api.onText("GET", RUN + "/tasks/build/logs", 200, "text/plain", "compiling\ndone\n");
        api.onText("GET", RUN + "/tasks/test/logs", 200, "text/plain", "1 failure\n");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "logs", "simple", "7");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("""
                build  | compiling
                build  | done
                test   | 1 failure
                """);
        assertThat(api.requests("GET", RUN + "/tasks/deploy/logs")).isEmpty();
    }

    @Test
    void shouldPrintTheLogVerbatimWhenGettingOneTasksLog() {
        api.onText("GET", RUN + "/tasks/build/logs", 200, "text/plain", "compiling\ndone\n");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "logs", "simple", "7", "build");

        assertThat(result.out()).isEqualTo("compiling\ndone\n");
    }

    @Test
    void shouldResumeWithLastEventIdAndPrintEachLineOnceWhenFollowingACutLog() {
        api.onStream(RUN + "/tasks/build/logs/stream",
                "retry: 0\n: log of build\n" + Samples.logLine(1, "compiling") + Samples.logLine(2, "linking"),
                Samples.logLine(2, "linking") + Samples.logLine(3, "done") + "event: end\ndata: {\"lines\":3}\n\n");

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "logs", "simple", "7", "build", "--follow");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("compiling\nlinking\ndone\n");
        List<FakeApi.Recorded> streams = api.requests("GET", RUN + "/tasks/build/logs/stream");
        assertThat(streams).hasSize(2);
        assertThat(streams.get(0).header("Accept")).isEqualTo("text/event-stream");
        assertThat(streams.get(0).header("Last-Event-ID")).isNull();
        assertThat(streams.get(1).header("Last-Event-ID")).isEqualTo("2");
    }

    @Test
    void shouldFollowEveryTaskPrefixedUntilAllEndWhenFollowingRunLogs() {
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("build", "running", "unknown", null, 1, false),
                        Samples.taskRun("test", "waiting", "unknown", null, 0, false)));
        api.onStream(RUN + "/tasks/build/logs/stream", Samples.logStream("compiling", "done"));
        api.onStream(RUN + "/tasks/test/logs/stream", Samples.logStream("all passed"));

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "logs", "simple", "7", "-f");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines).hasSize(3).containsSubsequence("build | compiling", "build | done")
                .contains("test  | all passed");
    }

    @Test
    void shouldExitTwoNamingTheTaskWhenOneLogCannotBeFollowed() {
        api.on("GET", RUN + "/tasks", 200,
                Samples.taskRuns(Samples.taskRun("build", "running", "unknown", null, 1, false),
                        Samples.taskRun("gone", "running", "unknown", null, 1, false)));
        api.onStream(RUN + "/tasks/build/logs/stream", Samples.logStream("compiling"));

        Cli.Result result = Cli.run("--api-url", api.url(), "run", "logs", "simple", "7", "--follow");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEqualTo("build | compiling\n");
        assertThat(result.err()).startsWith("error: log of gone: Not Found: no fake route for GET " + RUN
                + "/tasks/gone/logs/stream");
    }
}
