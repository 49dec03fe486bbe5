package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

class NamespaceCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String NAMESPACES = "/api/namespaces";

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
    void shouldPrintAnAlignedTableWhenListingNamespaces() {
        api.on("GET", NAMESPACES, 200, "{\"namespaces\":[" + Samples.namespace("default", "Default", "") + ","
                + Samples.namespace("team-alpha", "Team Alpha", "the alpha team") + "]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("ID          NAME        DESCRIPTION     CREATED");
            assertThat(lines.get(1)).startsWith("default     Default     -               ");
            assertThat(lines.get(2)).startsWith("team-alpha  Team Alpha  the alpha team  ");
        });
    }

    @Test
    void shouldPrintTheApiObjectsWhenListingNamespacesAsJson() throws Exception {
        api.on("GET", NAMESPACES, 200, "{\"namespaces\":[" + Samples.namespace("team-a", "A", "x") + "]}");

        Cli.Result result = Cli.run("--api-url", api.url(), "-o", "json", "namespace", "list");

        assertThat(MAPPER.readTree(result.out()).at("/namespaces/0/id").asText()).isEqualTo("team-a");
        assertThat(MAPPER.readTree(result.out()).at("/namespaces/0/created").asLong()).isEqualTo(1700000000000L);
    }

    @Test
    void shouldPrintTheFieldsWhenGettingANamespace() {
        api.on("GET", NAMESPACES + "/team-a", 200,
                "{\"namespace\":" + Samples.namespace("team-a", "Team A", "the A team") + "}");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "get", "team-a");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).contains("id           team-a", "name         Team A",
                "description  the A team");
    }

    @Test
    void shouldPostTheIdNameAndDescriptionWhenCreatingANamespace() throws Exception {
        api.on("POST", NAMESPACES, 201, "{\"namespace\":" + Samples.namespace("team-a", "Team A", "x") + "}");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "create", "team-a", "--name", "Team A",
                "--description", "x");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("created namespace team-a (Team A)\n");
        assertThat(MAPPER.readTree(api.requests().get(0).body()))
                .isEqualTo(MAPPER.readTree("{\"id\":\"team-a\",\"name\":\"Team A\",\"description\":\"x\"}"));
    }

    @Test
    void shouldUseTheIdAsNameWhenCreatingWithoutAName() throws Exception {
        api.on("POST", NAMESPACES, 201, "{\"namespace\":" + Samples.namespace("team-a", "team-a", "") + "}");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "create", "team-a");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(MAPPER.readTree(api.requests().get(0).body()))
                .isEqualTo(MAPPER.readTree("{\"id\":\"team-a\",\"name\":\"team-a\",\"description\":\"\"}"));
    }

    @Test
    void shouldExitTwoWithTheProblemWhenTheNamespaceExists() {
        api.onText("POST", NAMESPACES, 409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"namespace team-a exists\"}");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "create", "team-a");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Conflict: namespace team-a exists\n");
    }

    @Test
    void shouldPatchOnlyTheGivenFieldWhenUpdatingANamespace() throws Exception {
        api.on("PATCH", NAMESPACES + "/team-a", 200,
                "{\"namespace\":" + Samples.namespace("team-a", "Team A", "new") + "}");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "update", "team-a", "--description", "new");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("updated namespace team-a\n");
        assertThat(MAPPER.readTree(api.requests().get(0).body()))
                .isEqualTo(MAPPER.readTree("{\"description\":\"new\"}"));
    }

    @Test
    void shouldExitTwoWithoutARequestWhenUpdatingNothing() {
        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "update", "team-a");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("nothing to update: give --name and/or --description");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldSendDeleteAndConfirmWhenDeletingANamespace() {
        api.onStatus("DELETE", NAMESPACES + "/team-a", 204);

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "delete", "team-a");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("deleted namespace team-a\n");
        assertThat(api.requests("DELETE", NAMESPACES + "/team-a")).hasSize(1);
    }
}
