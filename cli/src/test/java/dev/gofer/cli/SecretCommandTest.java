package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

class SecretCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SECRETS = "/api/namespaces/default/pipelines/simple/secrets";
    private static final String GLOBAL = "/api/secrets/global";
    private static final String TOKEN = "{\"secret\":{\"key\":\"token\",\"created\":1700000000000}}";
    private static final String VALUE = "s3cret";
    private static final String API_TOKEN = "user-token";
    private static final String BEARER = "Bearer " + API_TOKEN;

    @TempDir
    Path dir;

    /** The API, the one front door: it serves the store's routes at the same paths. */
    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** Runs {@code gofer --api-url <fake API> args} with the API token {@value #API_TOKEN} in the environment. */
    private Cli.Result run(Cli cli, String... args) {
        List<String> all = new ArrayList<>(List.of("--api-url", api.url()));
        all.addAll(List.of(args));
        return cli.env(ApiTarget.TOKEN_ENV, API_TOKEN).execute(all.toArray(String[]::new));
    }

    private JsonNode sentBody() throws Exception {
        return MAPPER.readTree(api.requests().get(0).body());
    }

    private FakeApi.Recorded onlyRequest() {
        assertThat(api.requests()).hasSize(1);
        return api.requests().get(0);
    }

    @Test
    void shouldSendTheStdinValueWithoutItsNewlineWhenPuttingASecret() throws Exception {
        api.on("POST", SECRETS, 201, TOKEN);

        Cli.Result result = run(Cli.with().stdin((VALUE + "\n").getBytes(StandardCharsets.UTF_8)), "secret", "put",
                "simple", "token");

        assertThat(result.exitCode()).as(result.err()).isZero();
        FakeApi.Recorded request = onlyRequest();
        assertThat(request.method() + " " + request.path()).isEqualTo("POST " + SECRETS);
        assertThat(request.header("Authorization")).isEqualTo(BEARER);
        assertThat(sentBody()).isEqualTo(MAPPER.readTree("{\"key\":\"token\",\"content\":\"s3cret\",\"force\":false}"));
        assertThat(result.out())
                .isEqualTo("stored secret token of default/simple (use it as pipeline_secret{{token}})\n");
        assertThat(result.out() + result.err()).doesNotContain(VALUE);
    }

    @Test
    void shouldDropOnlyOneNewlineWhenStdinEndsWithSeveral() throws Exception {
        api.on("POST", SECRETS, 201, TOKEN);

        run(Cli.with().stdin("a\r\nb\r\n\r\n".getBytes(StandardCharsets.UTF_8)), "secret", "put", "simple", "token");

        assertThat(sentBody().get("content").asText()).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void shouldSendTheFileByteExactWhenPuttingASecretFromAFile() throws Exception {
        api.on("POST", SECRETS, 201, TOKEN);
        Path file = Files.writeString(dir.resolve("token.txt"), "line 1\nline 2 é\n");

        Cli.Result result = run(Cli.with(), "secret", "put", "simple", "token", "--file", file.toString(), "--force");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentBody().get("content").asText()).isEqualTo("line 1\nline 2 é\n");
        assertThat(sentBody().get("force").asBoolean()).isTrue();
        assertThat(result.out() + result.err()).doesNotContain("line 1");
    }

    @Test
    void shouldDropOneNewlineFromTheFileWhenAskedTo() throws Exception {
        api.on("POST", SECRETS, 201, TOKEN);
        Path file = Files.writeString(dir.resolve("token.txt"), VALUE + "\n");

        run(Cli.with(), "secret", "put", "simple", "token", "--file", file.toString(), "--strip-newline");

        assertThat(sentBody().get("content").asText()).isEqualTo(VALUE);
    }

    @Test
    void shouldAskWithoutEchoWhenStdinIsATerminal() throws Exception {
        api.on("POST", SECRETS, 201, TOKEN);
        List<String> prompts = new ArrayList<>();
        Terminal terminal = new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public char[] readHidden(String prompt) {
                prompts.add(prompt);
                return VALUE.toCharArray();
            }
        };

        Cli.Result result = run(Cli.with().terminal(terminal), "secret", "put", "simple", "token");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(prompts).containsExactly("Value of secret token of default/simple: ");
        assertThat(sentBody().get("content").asText()).isEqualTo(VALUE);
    }

    @Test
    void shouldTakeTheValueFromNoOptionOrParameterWhenPutting() {
        // The value must never come from argv: the put commands take only ids, a file and flags.
        CommandLine gofer = new CommandLine(new Main());
        CommandSpec put = gofer.getSubcommands().get("secret").getSubcommands().get("put").getCommandSpec();
        CommandLine global = gofer.getSubcommands().get("secret").getSubcommands().get("global");
        CommandSpec globalPut = global.getSubcommands().get("put").getCommandSpec();
        CommandSpec get = gofer.getSubcommands().get("secret").getSubcommands().get("get").getCommandSpec();
        CommandSpec globalGet = global.getSubcommands().get("get").getCommandSpec();

        assertThat(put.positionalParameters()).extracting(PositionalParamSpec::paramLabel)
                .containsExactly("<pipeline>", "<key>");
        assertThat(globalPut.positionalParameters()).extracting(PositionalParamSpec::paramLabel)
                .containsExactly("<key>");
        assertThat(valueOptions(put)).containsExactlyInAnyOrder("--file", "--api-url", "--token-file", "--store-url",
                "--namespace", "--output");
        assertThat(valueOptions(globalPut)).containsExactlyInAnyOrder("--file", "--namespaces", "--api-url",
                "--token-file", "--store-url", "--namespace", "--output");
        // reveal takes the ordinary token (a file, the environment or the context), no token option of its own
        assertThat(valueOptions(get)).containsExactlyInAnyOrder("--api-url", "--token-file", "--store-url",
                "--namespace", "--output");
        assertThat(valueOptions(globalGet)).containsExactlyInAnyOrder("--api-url", "--token-file", "--store-url",
                "--namespace", "--output");
    }

    private static List<String> valueOptions(CommandSpec command) {
        return command.options()
                .stream()
                .filter(option -> option.arity().max() > 0)
                .map(OptionSpec::longestName)
                .toList();
    }

    @Test
    void shouldRejectAValueOnTheCommandLineWithoutSendingIt() {
        Cli.Result result = run(Cli.with().stdin("x".getBytes(StandardCharsets.UTF_8)), "secret", "put", "simple",
                "token", VALUE);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("Unmatched argument");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheValueIsEmpty() {
        Cli.Result result = run(Cli.with().stdin("\n".getBytes(StandardCharsets.UTF_8)), "secret", "put", "simple",
                "token");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: the secret value is empty\n");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheValueIsNotUtf8() {
        Cli.Result result = run(Cli.with().stdin(new byte[]{'a', (byte) 0xff, (byte) 0xfe}), "secret", "put",
                "simple", "token");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not UTF-8 text");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldPrintTheProblemAndExitTwoWhenTheSecretExists() {
        api.onText("POST", SECRETS, 409, "application/problem+json", """
                {"type":"urn:gofer:problem:conflict","title":"Conflict","status":409,
                 "detail":"pipeline secret 'token' exists in default/simple"}
                """);

        Cli.Result result = run(Cli.with().stdin(VALUE.getBytes(StandardCharsets.UTF_8)), "secret", "put", "simple",
                "token");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Conflict: pipeline secret 'token' exists in default/simple\n");
        assertThat(result.out()).isEmpty();
    }

    @Test
    void shouldPrintKeysAsJsonWhenListingSecrets() throws Exception {
        api.on("GET", "/api/namespaces/team-a/pipelines/simple/secrets", 200,
                "{\"secrets\":[{\"key\":\"token\",\"created\":1700000000000}]}");

        Cli.Result result = run(Cli.with(), "-o", "json", "-n", "team-a", "secret", "list", "simple");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(MAPPER.readTree(result.out()))
                .isEqualTo(MAPPER.readTree("{\"secrets\":[{\"key\":\"token\",\"created\":1700000000000}]}"));
    }

    @Test
    void shouldPrintATableWhenListingSecrets() {
        api.on("GET", SECRETS, 200, """
                {"secrets":[{"key":"token","created":1700000000000},{"key":"db-password","created":1700000000000}]}
                """);

        Cli.Result result = run(Cli.with(), "secret", "list", "simple");

        assertThat(result.out().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("KEY          CREATED");
            assertThat(lines.get(1)).startsWith("token        " + Times.at(1700000000000L));
            assertThat(lines.get(2)).startsWith("db-password  ");
        });
    }

    @Test
    void shouldShowTheMetadataWithoutAskingForTheValueWhenGettingWithoutReveal() {
        api.on("GET", SECRETS + "/token", 200, TOKEN);

        Cli.Result result = run(Cli.with(), "secret", "get", "simple", "token");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).contains("key       token", "pipeline  default/simple");
        FakeApi.Recorded request = onlyRequest();
        assertThat(request.path()).isEqualTo(SECRETS + "/token");
        assertThat(request.query()).isNull();
        assertThat(request.header("Authorization")).isEqualTo(BEARER);
    }

    @Test
    void shouldAskForTheValueWithTheApiTokenAndPrintOnlyItWhenRevealing() {
        api.on("GET", SECRETS + "/token", 200,
                "{\"secret\":{\"key\":\"token\",\"created\":1700000000000,\"secret\":\"s3cret\"}}");

        Cli.Result result = run(Cli.with(), "secret", "get", "simple", "token", "--reveal");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(VALUE + "\n");
        FakeApi.Recorded request = onlyRequest();
        assertThat(request.method() + " " + request.path()).isEqualTo("GET " + SECRETS + "/token");
        assertThat(request.query()).isEqualTo("include_secret=true");
        assertThat(request.header("Authorization")).isEqualTo(BEARER);
    }

    @Test
    void shouldRevealAGlobalSecretWithTheTokenFileAndPrintJson() throws Exception {
        api.on("GET", GLOBAL + "/registry", 200,
                "{\"secret\":{\"key\":\"registry\",\"namespaces\":[\".*\"],\"created\":1,\"secret\":\"pw\"}}");
        Path tokenFile = Files.writeString(dir.resolve("admin.token"), "admin-token\n");

        Cli.Result result = run(Cli.with(), "--token-file", tokenFile.toString(), "-o", "json", "secret", "global",
                "get", "registry", "--reveal");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(MAPPER.readTree(result.out())).isEqualTo(MAPPER.readTree(
                "{\"secret\":{\"key\":\"registry\",\"namespaces\":[\".*\"],\"created\":1,\"secret\":\"pw\"}}"));
        FakeApi.Recorded request = onlyRequest();
        assertThat(request.path()).isEqualTo(GLOBAL + "/registry");
        assertThat(request.query()).isEqualTo("include_secret=true");
        assertThat(request.header("Authorization")).isEqualTo("Bearer admin-token");
    }

    @Test
    void shouldIgnoreTheOldStoreAdminTokenVariableWhenRevealing() {
        api.on("GET", SECRETS + "/token", 200,
                "{\"secret\":{\"key\":\"token\",\"created\":1700000000000,\"secret\":\"s3cret\"}}");

        Cli.Result result = run(Cli.with().env("GOFER_STORE_ADMIN_TOKEN", "old-admin-token"), "secret", "get",
                "simple", "token", "--reveal");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(onlyRequest().header("Authorization")).isEqualTo(BEARER);
    }

    @Test
    void shouldRejectTheRemovedAdminTokenFileOptionWithoutARequest() throws Exception {
        Path tokenFile = Files.writeString(dir.resolve("admin.token"), "admin-token\n");

        Cli.Result result = run(Cli.with(), "secret", "get", "simple", "token", "--reveal", "--admin-token-file",
                tokenFile.toString());

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("Unknown options: '--admin-token-file'");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldPrintTheForbiddenProblemWhenTheTokenMayNotReveal() {
        api.onText("GET", SECRETS + "/token", 403, "application/problem+json", """
                {"type":"urn:gofer:problem:forbidden","title":"Forbidden","status":403,
                 "detail":"token 1a2b lacks secrets: reveal"}
                """);

        Cli.Result result = run(Cli.with(), "secret", "get", "simple", "token", "--reveal");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Forbidden: token 1a2b lacks secrets: reveal\n");
        assertThat(result.out()).isEmpty();
        assertThat(onlyRequest().query()).isEqualTo("include_secret=true");
        assertThat(onlyRequest().header("Authorization")).isEqualTo(BEARER);
    }

    @Test
    void shouldPrintTheForbiddenProblemWhenTheTokenMayNotRevealAGlobalSecret() {
        api.onText("GET", GLOBAL + "/registry", 403, "application/problem+json",
                "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"token 1a2b lacks secrets: reveal\"}");

        Cli.Result result = run(Cli.with(), "-o", "json", "secret", "global", "get", "registry", "--reveal");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Forbidden: token 1a2b lacks secrets: reveal\n");
        assertThat(result.out()).isEmpty();
        assertThat(onlyRequest().query()).isEqualTo("include_secret=true");
    }

    @Test
    void shouldSayRevealNeedsTheRevealPermissionInTheHelp() {
        Cli.Result get = Cli.run("secret", "get", "--help");
        Cli.Result globalGet = Cli.run("secret", "global", "get", "--help");

        for (Cli.Result help : List.of(get, globalGet)) {
            assertThat(help.exitCode()).isZero();
            assertThat(help.out().replaceAll("\\s+", " ")).contains("needs a token allowed secrets: reveal, e.g. an "
                    + "admin token").doesNotContain("admin-token-file").doesNotContain("GOFER_STORE");
        }
    }

    @Test
    void shouldSendThePatternsWhenPuttingAGlobalSecret() throws Exception {
        api.on("POST", GLOBAL, 201,
                "{\"secret\":{\"key\":\"registry\",\"namespaces\":[\"team-.*\",\"a{1,3}\"],\"created\":1}}");

        Cli.Result result = run(Cli.with().stdin("pw\n".getBytes(StandardCharsets.UTF_8)), "secret", "global", "put",
                "registry", "--namespaces", "team-.*,a{1,3}");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentBody()).isEqualTo(MAPPER.readTree(
                "{\"key\":\"registry\",\"content\":\"pw\",\"force\":false,\"namespaces\":[\"team-.*\",\"a{1,3}\"]}"));
        assertThat(result.out()).isEqualTo(
                "stored global secret registry for namespaces team-.*, a{1,3} (use it as global_secret{{registry}})\n");
    }

    @Test
    void shouldListAndDeleteGlobalSecrets() {
        api.on("GET", GLOBAL, 200,
                "{\"secrets\":[{\"key\":\"registry\",\"namespaces\":[\"team-.*\",\"default\"],\"created\":1}]}");
        api.onStatus("DELETE", GLOBAL + "/registry", 204);

        Cli.Result list = run(Cli.with(), "secret", "global", "list");
        Cli.Result delete = run(Cli.with(), "secret", "global", "delete", "registry");

        assertThat(list.out().lines().toList()).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("KEY       NAMESPACES       CREATED");
            assertThat(lines.get(1)).startsWith("registry  team-.*,default  " + Times.at(1));
        });
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out()).isEqualTo("deleted global secret registry\n");
        assertThat(api.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.header("Authorization"))
                .containsExactly("GET " + GLOBAL + " " + BEARER, "DELETE " + GLOBAL + "/registry " + BEARER);
    }

    @Test
    void shouldDeleteASecretOfThePipeline() {
        api.onStatus("DELETE", SECRETS + "/token", 204);

        Cli.Result result = run(Cli.with(), "secret", "delete", "simple", "token");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("deleted secret token of default/simple\n");
        assertThat(api.requests("DELETE", SECRETS + "/token")).hasSize(1);
    }

    @Test
    void shouldNameTheApiUrlWhenItIsUnreachable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        Cli.Result result = Cli.run("--api-url", "http://127.0.0.1:" + freePort, "secret", "list", "simple");

        assertThat(result.exitCode()).isEqualTo(2);
        // the SDK's store client names itself "Gofer store"; the URL is the API's
        assertThat(result.err()).startsWith("error: cannot reach the Gofer store at http://127.0.0.1:" + freePort);
    }
}
