package dev.gofer.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class GoferClientTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PIPE = "/api/namespaces/default/pipelines/simple";

    static final String RUN_JSON = """
            {"run":{"namespace_id":"default","pipeline_id":"simple","run_id":7,"config_version":3,
                    "state":"complete","status":"failed",
                    "status_reason":{"reason":"abnormal_exit","description":"task simple_task failed"},
                    "started":1700000000000,"ended":1700000005000,
                    "initiator":{"kind":"api","name":"cli"},
                    "variables":[{"key":"GREETING","value":"hi","source":"run_options"}],
                    "some_future_field":{"x":1}}}
            """;

    static final String TASK_RUN_JSON = """
            {"namespace_id":"default","pipeline_id":"simple","run_id":7,"task_id":"simple_task","attempt":1,
             "image":"ubuntu:latest","state":"complete","status":"failed",
             "status_reason":{"reason":"abnormal_exit","description":"exit code 3"},
             "exit_code":3,"created":1700000000000,"started":1700000001000,"ended":1700000002000,
             "worker_id":"worker-1",
             "variables":[{"key":"GOFER_RUN_ID","value":"7","source":"system"},
                          {"key":"NEW","value":"x","source":"something_new"}],
             "logs":{"lines":2,"complete":true},"unknown_extra":true}
            """;

    private FakeApi api;
    private GoferClient client;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
        client = GoferClient.builder(api.url() + "/").token("secret-token").build();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldParseEveryRunFieldWhenGettingARun() {
        api.on("GET", PIPE + "/runs/7", 200, RUN_JSON);

        Run run = client.getRun("default", "simple", 7);

        assertThat(run).isEqualTo(new Run("default", "simple", 7, 3, RunState.COMPLETE, RunStatus.FAILED,
                new StatusReason("abnormal_exit", "task simple_task failed"), 1700000000000L, 1700000005000L,
                new Initiator("api", "cli"), List.of(new Variable("GREETING", "hi", VariableSource.RUN_OPTIONS))));
        assertThat(run.finished()).isTrue();
        assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer secret-token");
    }

    @Test
    void shouldParseTaskRunsAndTolerateUnknownValuesWhenListingTasks() {
        api.on("GET", PIPE + "/runs/7/tasks", 200, "{\"task_runs\":[" + TASK_RUN_JSON + "]}");

        List<TaskRun> taskRuns = client.listTaskRuns("default", "simple", 7);

        assertThat(taskRuns).containsExactly(new TaskRun("default", "simple", 7, "simple_task", 1, "ubuntu:latest",
                TaskRunState.COMPLETE, TaskRunStatus.FAILED, new StatusReason("abnormal_exit", "exit code 3"), 3,
                1700000000000L, 1700000001000L, 1700000002000L, "worker-1",
                List.of(new Variable("GOFER_RUN_ID", "7", VariableSource.SYSTEM),
                        new Variable("NEW", "x", VariableSource.UNKNOWN)),
                new LogStatus(2, true), 0, List.of()));
    }

    @Test
    void shouldParseRetryAtAndAttemptsWhenTaskRunWasRetried() {
        api.on("GET", PIPE + "/runs/7/tasks/simple_task", 200, """
                {"task_run":{"task_id":"simple_task","attempt":2,"state":"running","status":"unknown",
                             "status_reason":null,"exit_code":null,"started":1700000031000,"ended":0,
                             "worker_id":"worker-2","retry_at":0,
                             "attempts":[
                               {"attempt":1,"worker_id":"worker-1","exit_code":null,"status":"failed",
                                "status_reason":{"reason":"worker_lost",
                                                 "description":"worker worker-1 stopped sending heartbeats at x"},
                                "started":1700000001000,"ended":1700000020000},
                               {"attempt":2,"worker_id":"worker-2","exit_code":null,"status":"unknown",
                                "status_reason":null,"started":1700000031000,"ended":0}]}}
                """);
        api.on("GET", PIPE + "/runs/7/tasks/waiting_task", 200, """
                {"task_run":{"task_id":"waiting_task","attempt":2,"state":"waiting","status":"unknown",
                             "retry_at":1700000030000,"attempts":[{"attempt":1,"status":"failed"},{"attempt":2}]}}
                """);

        TaskRun running = client.getTaskRun("default", "simple", 7, "simple_task");
        TaskRun waiting = client.getTaskRun("default", "simple", 7, "waiting_task");

        assertThat(running.retryAt()).isZero();
        assertThat(running.attempts()).containsExactly(
                new TaskRunAttempt(1, "worker-1", null, TaskRunStatus.FAILED,
                        new StatusReason("worker_lost", "worker worker-1 stopped sending heartbeats at x"),
                        1700000001000L, 1700000020000L),
                new TaskRunAttempt(2, "worker-2", null, TaskRunStatus.UNKNOWN, null, 1700000031000L, 0));
        assertThat(waiting.retryAt()).isEqualTo(1700000030000L);
        assertThat(waiting.attempts()).extracting(TaskRunAttempt::status)
                .containsExactly(TaskRunStatus.FAILED, TaskRunStatus.UNKNOWN);
    }

    @Test
    void shouldDefaultMissingFieldsWhenTaskRunHasNotStarted() {
        api.on("GET", PIPE + "/runs/7/tasks/later", 200, """
                {"task_run":{"task_id":"later","state":"waiting","status":"unknown","status_reason":null,
                             "exit_code":null,"started":0}}
                """);

        TaskRun taskRun = client.getTaskRun("default", "simple", 7, "later");

        assertThat(taskRun.state()).isEqualTo(TaskRunState.WAITING);
        assertThat(taskRun.exitCode()).isNull();
        assertThat(taskRun.variables()).isEmpty();
        assertThat(taskRun.logs()).isEqualTo(new LogStatus(0, false));
        assertThat(taskRun.retryAt()).isZero();
        assertThat(taskRun.attempts()).isEmpty();
        assertThat(taskRun.finished()).isFalse();
    }

    @Test
    void shouldReturnPlainTextWhenGettingLogs() {
        api.on("GET", PIPE + "/runs/7/tasks/simple_task/logs", 200, "text/plain", "Hello from Gofer!\nbye\n");

        assertThat(client.getTaskLogs("default", "simple", 7, "simple_task")).isEqualTo("Hello from Gofer!\nbye\n");
    }

    @Test
    void shouldPostPipelineJsonAndAskToDeployWhenRegistering() throws Exception {
        api.on("POST", PIPE + "/configs", 201, """
                {"config":{"namespace_id":"default","pipeline_id":"simple","version":4,"name":"Simple",
                           "parallelism":0,"state":"unreleased","registered":1700000000000,"deprecated":0,
                           "tasks":{"simple_task":{"id":"simple_task"}}}}
                """);
        Pipeline pipeline = Pipeline.of("simple", "Simple").tasks(CustomTask.of("simple_task", "ubuntu:latest"));

        Config config = client.registerConfig("default", pipeline);

        assertThat(config.version()).isEqualTo(4);
        assertThat(config.pipelineId()).isEqualTo("simple");
        assertThat(config.state()).isEqualTo(ConfigState.UNRELEASED);
        assertThat(config.tasks().get("simple_task").get("id").asText()).isEqualTo("simple_task");
        FakeApi.Recorded request = api.requests().get(0);
        assertThat(request.query()).isEqualTo("deploy=true");
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree(pipeline.toJson()));
    }

    @Test
    void shouldSendNothingWhenRegisteringAnInvalidPipeline() {
        Pipeline invalid = Pipeline.of("simple", "Simple");

        assertThatThrownBy(() -> client.registerConfig("default", invalid))
                .isInstanceOf(PipelineValidationException.class);
        assertThatThrownBy(() -> client.registerConfig("default", "{\"name\":\"no id\"}"))
                .isInstanceOf(PipelineValidationException.class)
                .hasMessageContaining("id: is required");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldSendRunVariablesWhenStartingARun() throws Exception {
        api.on("POST", PIPE + "/runs", 201, RUN_JSON);

        Run run = client.startRun("default", "simple", Map.of("GREETING", "hi", "B", "2"));

        assertThat(run.runId()).isEqualTo(7);
        assertThat(MAPPER.readTree(api.requests().get(0).body()))
                .isEqualTo(MAPPER.readTree("{\"variables\":{\"GREETING\":\"hi\",\"B\":\"2\"}}"));
    }

    @Test
    void shouldThrowWithRequestIdWhenRunWasAcceptedButNotCreated() {
        api.on("POST", PIPE + "/runs", 202, "{\"request_id\":\"req-42\"}");

        RunNotCreatedException e = catchThrowableOfType(RunNotCreatedException.class,
                () -> client.startRun("default", "simple", Map.of()));

        assertThat(e.requestId()).isEqualTo("req-42");
    }

    @Test
    void shouldCarryStatusTitleDetailAndFieldErrorsWhenApiAnswersWithAProblem() {
        api.on("POST", PIPE + "/configs", 400, "application/problem+json", """
                {"type":"about:blank","title":"Invalid pipeline config","status":400,
                 "detail":"2 problems","instance":"/api/namespaces/default/pipelines/simple/configs",
                 "errors":[{"field":"tasks[0].image","message":"is required"},
                           {"field":"name","message":"is required"}]}
                """);

        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.registerConfig("default", "{\"id\":\"simple\"}"));

        assertThat(e.status()).isEqualTo(400);
        assertThat(e.title()).isEqualTo("Invalid pipeline config");
        assertThat(e.detail()).isEqualTo("2 problems");
        assertThat(e.instance()).isEqualTo("/api/namespaces/default/pipelines/simple/configs");
        assertThat(e.errors()).containsExactly(new FieldError("tasks[0].image", "is required"),
                new FieldError("name", "is required"));
        assertThat(e).hasMessage("Invalid pipeline config: 2 problems");
    }

    @Test
    void shouldFallBackToReasonPhraseWhenErrorBodyIsNotJson() {
        api.on("GET", PIPE, 503, "text/html", "<html>down for maintenance</html>");

        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.getPipeline("default", "simple"));

        assertThat(e.status()).isEqualTo(503);
        assertThat(e.title()).isEqualTo("Service Unavailable");
        assertThat(e.detail()).isEqualTo("<html>down for maintenance</html>");
    }

    @Test
    void shouldParsePipelineMetadataWhenGettingAPipeline() {
        api.on("GET", PIPE, 200, """
                {"pipeline":{"namespace_id":"default","pipeline_id":"simple","state":"active",
                             "created":1700000000000,"modified":1700000000001}}
                """);

        assertThat(client.getPipeline("default", "simple"))
                .isEqualTo(new PipelineMetadata("default", "simple", PipelineState.ACTIVE, 1700000000000L,
                        1700000000001L));
    }

    @Test
    void shouldAskForLatestWhenGettingConfigVersionZero() {
        api.on("GET", PIPE + "/configs/0", 200, "{\"config\":{\"pipeline_id\":\"simple\",\"version\":9}}");

        assertThat(client.getConfig("default", "simple", 0).version()).isEqualTo(9);
    }

    @Test
    void shouldThrowGoferExceptionNamingTheUrlWhenApiIsUnreachable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        GoferClient unreachable = GoferClient.create("http://127.0.0.1:" + freePort);

        assertThatThrownBy(() -> unreachable.getRun("default", "simple", 1)).isExactlyInstanceOf(GoferException.class)
                .hasMessageContaining("cannot reach the Gofer API at http://127.0.0.1:" + freePort);
    }

    @Test
    void shouldRejectUrlsWithoutHttpSchemeWhenBuildingAClient() {
        assertThatThrownBy(() -> GoferClient.create("localhost:8080")).isInstanceOf(IllegalArgumentException.class);
    }
}
