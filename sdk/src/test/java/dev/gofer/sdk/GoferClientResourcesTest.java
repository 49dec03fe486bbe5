package dev.gofer.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Namespaces, pipelines, configs, deployments, run lists and cancellation against a fake API. */
class GoferClientResourcesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PIPE = "/api/namespaces/default/pipelines/simple";
    private static final String TEAM = """
            {"id":"team-a","name":"Team A","description":"the A team","created":1700000000000,
             "modified":1700000000500,"future":"ignored"}
            """;
    private static final String DEPLOYMENT = """
            {"namespace_id":"default","pipeline_id":"simple","deployment_id":2,"start_version":1,"end_version":3,
             "started":1700000000000,"ended":1700000001000,"state":"complete","status":"successful",
             "status_reason":null}
            """;

    private FakeApi api;
    private GoferClient client;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
        client = GoferClient.create(api.url());
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @Test
    void shouldParseNamespacesWhenListingAndGetting() {
        api.on("GET", "/api/namespaces", 200, "{\"namespaces\":[" + TEAM + "]}");
        api.on("GET", "/api/namespaces/team-a", 200, "{\"namespace\":" + TEAM + "}");
        Namespace expected = new Namespace("team-a", "Team A", "the A team", 1700000000000L, 1700000000500L);

        assertThat(client.listNamespaces()).containsExactly(expected);
        assertThat(client.getNamespace("team-a")).isEqualTo(expected);
    }

    @Test
    void shouldPostIdNameAndDescriptionWhenCreatingANamespace() throws Exception {
        api.on("POST", "/api/namespaces", 201, "{\"namespace\":" + TEAM + "}");

        Namespace created = client.createNamespace("team-a", "Team A", "the A team");

        assertThat(created.id()).isEqualTo("team-a");
        FakeApi.Recorded request = api.requests().get(0);
        assertThat(request.header("Content-Type")).startsWith("application/json");
        assertThat(MAPPER.readTree(request.body()))
                .isEqualTo(MAPPER.readTree("{\"id\":\"team-a\",\"name\":\"Team A\",\"description\":\"the A team\"}"));
    }

    @Test
    void shouldPatchOnlyTheGivenFieldsWhenUpdatingANamespace() throws Exception {
        api.on("PATCH", "/api/namespaces/team-a", 200, "{\"namespace\":" + TEAM + "}");

        client.updateNamespace("team-a", null, "new description");

        FakeApi.Recorded request = api.requests().get(0);
        assertThat(request.method()).isEqualTo("PATCH");
        assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.readTree("{\"description\":\"new description\"}"));
    }

    @Test
    void shouldCarryTheConflictWhenDeletingANamespaceWithUnfinishedRuns() {
        api.onStatuses("DELETE", "/api/namespaces/team-b", 204);
        api.on("DELETE", "/api/namespaces/team-a", 409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"namespace team-a has unfinished runs\"}");

        client.deleteNamespace("team-b");
        GoferApiException e = catchThrowableOfType(GoferApiException.class, () -> client.deleteNamespace("team-a"));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.detail()).isEqualTo("namespace team-a has unfinished runs");
        assertThat(api.requests()).extracting(FakeApi.Recorded::method).containsExactly("DELETE", "DELETE");
    }

    @Test
    void shouldReadUnknownPipelineStatesAsUnknownWhenListingPipelines() {
        api.on("GET", "/api/namespaces/default/pipelines", 200, """
                {"pipelines":[{"namespace_id":"default","pipeline_id":"simple","state":"active","created":1,
                               "modified":2},
                              {"namespace_id":"default","pipeline_id":"odd","state":"archived","created":3,
                               "modified":4}]}
                """);

        List<PipelineMetadata> pipelines = client.listPipelines("default");

        assertThat(pipelines).extracting(PipelineMetadata::state)
                .containsExactly(PipelineState.ACTIVE, PipelineState.UNKNOWN);
    }

    @Test
    void shouldPatchTheStateWhenEnablingAndDisablingAPipeline() throws Exception {
        api.on("PATCH", PIPE, 200, """
                {"pipeline":{"namespace_id":"default","pipeline_id":"simple","state":"disabled","created":1,
                             "modified":2}}
                """);

        PipelineMetadata disabled = client.disablePipeline("default", "simple");
        client.enablePipeline("default", "simple");

        assertThat(disabled.state()).isEqualTo(PipelineState.DISABLED);
        assertThat(api.requests()).extracting(r -> MAPPER.readTree(r.body()).get("state").asText())
                .containsExactly("disabled", "active");
    }

    @Test
    void shouldSendDeleteWhenDeletingAPipeline() {
        api.onStatuses("DELETE", PIPE, 204);

        client.deletePipeline("default", "simple");

        assertThat(api.requests("DELETE", PIPE)).hasSize(1);
    }

    @Test
    void shouldSendDeployFalseWhenRegisteringWithoutDeploying() {
        api.on("POST", PIPE + "/configs", 201, "{\"config\":{\"pipeline_id\":\"simple\",\"version\":2,"
                + "\"state\":\"unreleased\"}}");

        Config config = client.registerConfig("default", "{\"id\":\"simple\"}", false);

        assertThat(config.state()).isEqualTo(ConfigState.UNRELEASED);
        assertThat(api.requests().get(0).query()).isEqualTo("deploy=false");
    }

    @Test
    void shouldParseStatesAndKeepTheOrderWhenListingConfigs() {
        api.on("GET", PIPE + "/configs", 200, """
                {"configs":[
                  {"namespace_id":"default","pipeline_id":"simple","version":3,"name":"Simple","description":"",
                   "parallelism":2,"state":"live","registered":1700000002000,"deprecated":0,
                   "tasks":{"simple_task":{"id":"simple_task","image":"ubuntu:latest"}}},
                  {"namespace_id":"default","pipeline_id":"simple","version":2,"state":"deprecated",
                   "registered":1700000001000,"deprecated":1700000002000},
                  {"namespace_id":"default","pipeline_id":"simple","version":1,"state":"shelved"}]}
                """);

        List<Config> configs = client.listConfigs("default", "simple");

        assertThat(configs).extracting(Config::version).containsExactly(3L, 2L, 1L);
        assertThat(configs).extracting(Config::state)
                .containsExactly(ConfigState.LIVE, ConfigState.DEPRECATED, ConfigState.UNKNOWN);
        assertThat(configs.get(0).parallelism()).isEqualTo(2);
        assertThat(configs.get(0).tasks().at("/simple_task/image").asText()).isEqualTo("ubuntu:latest");
    }

    @Test
    void shouldPostToTheVersionAndReturnTheDeploymentWhenDeployingAConfig() {
        api.on("POST", PIPE + "/configs/3", 201, "{\"deployment\":" + DEPLOYMENT + "}");

        Deployment deployment = client.deployConfig("default", "simple", 3);

        assertThat(deployment).isEqualTo(new Deployment("default", "simple", 2, 1, 3, 1700000000000L,
                1700000001000L, DeploymentState.COMPLETE, DeploymentStatus.SUCCESSFUL, null));
        assertThat(api.requests().get(0).body()).isEmpty();
    }

    @Test
    void shouldSendDeleteToTheVersionWhenDeletingAConfig() {
        api.onStatuses("DELETE", PIPE + "/configs/2", 204);

        client.deleteConfig("default", "simple", 2);

        assertThat(api.requests("DELETE", PIPE + "/configs/2")).hasSize(1);
    }

    @Test
    void shouldReadObjectAndTextReasonsAndUnknownValuesWhenListingDeployments() {
        String failed = DEPLOYMENT.replace("\"status\":\"successful\"", "\"status\":\"failed\"")
                .replace("\"status_reason\":null", "\"status_reason\":{\"reason\":\"timeout\",\"description\":\"x\"}");
        String odd = DEPLOYMENT.replace("\"state\":\"complete\"", "\"state\":\"paused\"")
                .replace("\"status\":\"successful\"", "\"status\":\"partial\"")
                .replace("\"status_reason\":null", "\"status_reason\":\"operator stopped it\"");
        api.on("GET", PIPE + "/deployments", 200, "{\"deployments\":[" + failed + "," + odd + "]}");
        api.on("GET", PIPE + "/deployments/2", 200, "{\"deployment\":" + DEPLOYMENT + "}");

        List<Deployment> deployments = client.listDeployments("default", "simple");

        assertThat(deployments.get(0).status()).isEqualTo(DeploymentStatus.FAILED);
        assertThat(deployments.get(0).statusReason()).isEqualTo(new StatusReason("timeout", "x"));
        assertThat(deployments.get(1).state()).isEqualTo(DeploymentState.UNKNOWN);
        assertThat(deployments.get(1).status()).isEqualTo(DeploymentStatus.UNKNOWN);
        assertThat(deployments.get(1).statusReason()).isEqualTo(new StatusReason("operator stopped it", null));
        assertThat(client.getDeployment("default", "simple", 2).endVersion()).isEqualTo(3);
    }

    @Test
    void shouldSendLimitAndOffsetWhenListingRuns() {
        api.on("GET", PIPE + "/runs", 200, """
                {"runs":[{"namespace_id":"default","pipeline_id":"simple","run_id":7,"config_version":3,
                          "state":"running","status":"unknown","started":1700000000000,"ended":0}]}
                """);

        List<Run> page = client.listRuns("default", "simple", 10, 20);
        client.listRuns("default", "simple");

        assertThat(page).extracting(Run::runId).containsExactly(7L);
        assertThat(api.requests()).extracting(FakeApi.Recorded::query)
                .containsExactly("limit=10&offset=20", "limit=50&offset=0");
    }

    @Test
    void shouldRejectANonPositiveLimitWhenListingRuns() {
        assertThatThrownBy(() -> client.listRuns("default", "simple", 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldSendTheGraceInSecondsOnlyWhenGivenWhenCancelling() {
        api.onStatuses("DELETE", PIPE + "/runs/7", 204);
        api.onStatuses("DELETE", PIPE + "/runs/7/tasks/build", 204);

        client.cancelRun("default", "simple", 7, Duration.ofSeconds(30));
        client.cancelRun("default", "simple", 7, null);
        client.cancelRun("default", "simple", 7, 2);
        client.cancelTaskRun("default", "simple", 7, "build", Duration.ofMinutes(1));
        client.cancelTaskRun("default", "simple", 7, "build", 0);

        assertThat(api.requests()).extracting(r -> r.method() + " " + r.path() + "?" + r.query())
                .containsExactly("DELETE " + PIPE + "/runs/7?grace=30", "DELETE " + PIPE + "/runs/7?null",
                        "DELETE " + PIPE + "/runs/7?grace=2", "DELETE " + PIPE + "/runs/7/tasks/build?grace=60",
                        "DELETE " + PIPE + "/runs/7/tasks/build?grace=0");
    }

    @Test
    void shouldRejectANegativeGraceWithoutSendingWhenCancelling() {
        assertThatThrownBy(() -> client.cancelRun("default", "simple", 7, -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldSendDeleteToTheLogsWhenDeletingTaskLogs() {
        api.onStatuses("DELETE", PIPE + "/runs/7/tasks/build/logs", 204);

        client.deleteTaskLogs("default", "simple", 7, "build");

        assertThat(api.requests("DELETE", PIPE + "/runs/7/tasks/build/logs")).hasSize(1);
    }
}
