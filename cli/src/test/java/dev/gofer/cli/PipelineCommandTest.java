package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

class PipelineCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PIPELINES = "/api/namespaces/default/pipelines";
    private static final String PIPE = Samples.PIPE;

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
    void shouldPrintPipelinesAndTheirStatesWhenListing() {
        api.on("GET", "/api/namespaces/team-a/pipelines", 200, "{\"pipelines\":[" + Samples.pipeline("active") + ","
                + Samples.pipeline("disabled").replace("\"simple\"", "\"nightly-backup\"") + "]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "-n", "team-a", "pipeline", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("PIPELINE        STATE     CREATED");
        assertThat(lines.get(1)).startsWith("simple          active    ");
        assertThat(lines.get(2)).startsWith("nightly-backup  disabled  ");
    }

    @Test
    void shouldShowTheLiveAndLatestVersionsWhenGettingAPipeline() {
        api.on("GET", PIPE, 200, "{\"pipeline\":" + Samples.pipeline("active") + "}");
        api.on("GET", PIPE + "/configs", 200, "{\"configs\":[" + Samples.configObject(3, "unreleased") + ","
                + Samples.configObject(2, "live") + "," + Samples.configObject(1, "deprecated") + "]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "get", "simple");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).contains("pipeline   simple", "state      active",
                "name       Simple Pipeline", "live       version 2", "latest     version 3 (unreleased)",
                "tasks      build deploy");
    }

    @Test
    void shouldSayThereIsNoLiveVersionWhenNoneIsDeployed() throws Exception {
        api.on("GET", PIPE, 200, "{\"pipeline\":" + Samples.pipeline("active") + "}");
        api.on("GET", PIPE + "/configs", 200, "{\"configs\":[" + Samples.configObject(1, "unreleased") + "]}");

        Cli.Result plain = Cli.run("--api-url", api.url(), "pipeline", "get", "simple");
        Cli.Result json = Cli.run("--api-url", api.url(), "pipeline", "get", "simple", "-o", "json");

        assertThat(plain.out()).contains("live       none (deploy a version)");
        JsonNode document = MAPPER.readTree(json.out());
        assertThat(document.at("/pipeline/state").asText()).isEqualTo("active");
        assertThat(document.at("/configs/0/state").asText()).isEqualTo("unreleased");
    }

    @Test
    void shouldPatchTheStateWhenDisablingAndEnablingAPipeline() throws Exception {
        api.on("PATCH", PIPE, 200, "{\"pipeline\":" + Samples.pipeline("disabled") + "}",
                "{\"pipeline\":" + Samples.pipeline("active") + "}");

        Cli.Result disabled = Cli.run("--api-url", api.url(), "pipeline", "disable", "simple");
        Cli.Result enabled = Cli.run("--api-url", api.url(), "pipeline", "enable", "simple");

        assertThat(disabled.out()).isEqualTo("pipeline simple is disabled\n");
        assertThat(enabled.out()).isEqualTo("pipeline simple is active\n");
        assertThat(api.requests()).extracting(r -> r.method() + " " + MAPPER.readTree(r.body()).get("state").asText())
                .containsExactly("PATCH disabled", "PATCH active");
    }

    @Test
    void shouldExitTwoWithTheConflictWhenDeletingAPipelineWithUnfinishedRuns() {
        api.onText("DELETE", PIPE, 409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"pipeline simple has unfinished runs\"}");

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "delete", "simple");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Conflict: pipeline simple has unfinished runs\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldConfirmWhenDeletingAPipeline() {
        api.onStatus("DELETE", PIPE, 204);

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "delete", "simple");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("deleted pipeline simple\n");
    }

    @Test
    void shouldPostToTheVersionAndDescribeTheDeploymentWhenDeploying() {
        api.on("POST", PIPE + "/configs/3", 201,
                "{\"deployment\":" + Samples.deployment(2, 1, 3, "complete", "successful") + "}");

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "deploy", "simple", "3");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("deployment 2 of simple: version 1 -> 3  complete successful\n");
        assertThat(api.requests("POST", PIPE + "/configs/3")).hasSize(1);
    }

    @Test
    void shouldPrintVersionsNewestFirstWhenListingConfigs() {
        api.on("GET", PIPE + "/configs", 200, "{\"configs\":[" + Samples.configObject(2, "live") + ","
                + Samples.configObject(1, "deprecated") + "]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "configs", "simple");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("VERSION  STATE       NAME             TASKS  PARALLELISM  REGISTERED");
        assertThat(lines.get(1)).startsWith("2        live        Simple Pipeline  2      unlimited    ");
        assertThat(lines.get(2)).startsWith("1        deprecated  Simple Pipeline  2      unlimited    ");
    }

    @Test
    void shouldPrintFromToAndOutcomeWhenListingDeployments() {
        api.on("GET", PIPE + "/deployments", 200, "{\"deployments\":["
                + Samples.deployment(2, 1, 2, "running", "unknown") + ","
                + Samples.deployment(1, 0, 1, "complete", "successful") + "]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "deployments", "simple");

        assertThat(result.exitCode()).as(result.err()).isZero();
        List<String> lines = result.out().lines().toList();
        assertThat(lines.get(0)).startsWith("DEPLOYMENT  FROM  TO  STATE     STATUS      STARTED");
        assertThat(lines.get(1)).startsWith("2           1     2   running   -           ");
        assertThat(lines.get(2)).startsWith("1           -     1   complete  successful  ");
    }

    @Test
    void shouldPrintPipelinesAsJsonWhenOutputIsJson() throws Exception {
        api.on("GET", PIPELINES, 200, "{\"pipelines\":[" + Samples.pipeline("active") + "]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "pipeline", "list", "-o", "json");

        assertThat(MAPPER.readTree(result.out()).at("/pipelines/0/pipeline_id").asText()).isEqualTo("simple");
        assertThat(api.requests()).hasSize(1);
    }
}
