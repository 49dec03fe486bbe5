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

    @TempDir
    Path dir;

    private FakeApi store;

    @BeforeEach
    void start() throws Exception {
        store = new FakeApi();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    private Cli.Result run(Cli cli, String... args) {
        List<String> all = new ArrayList<>(List.of("--store-url", store.url()));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    private JsonNode sentBody() throws Exception {
        return MAPPER.readTree(store.requests().get(0).body());
    }

    @Test
    void shouldSendTheStdinValueWithoutItsNewlineWhenPuttingASecret() throws Exception {
        store.on("POST", SECRETS, 201, TOKEN);

        Cli.Result result = run(Cli.with().stdin((VALUE + "\n").getBytes(StandardCharsets.UTF_8)), "secret", "put",
                "simple", "token");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentBody()).isEqualTo(MAPPER.readTree("{\"key\":\"token\",\"content\":\"s3cret\",\"force\":false}"));
        assertThat(result.out())
                .isEqualTo("stored secret token of default/simple (use it as pipeline_secret{{token}})\n");
        assertThat(result.out() + result.err()).doesNotContain(VALUE);
    }

    @Test
    void shouldDropOnlyOneNewlineWhenStdinEndsWithSeveral() throws Exception {
        store.on("POST", SECRETS, 201, TOKEN);

        run(Cli.with().stdin("a\r\nb\r\n\r\n".getBytes(StandardCharsets.UTF_8)), "secret", "put", "simple", "token");

        assertThat(sentBody().get("content").asText()).isEqualTo("a\r\nb\r\n");
    }

    @Test
    void shouldSendTheFileByteExactWhenPuttingASecretFromAFile() throws Exception {
        store.on("POST", SECRETS, 201, TOKEN);
        Path file = Files.writeString(dir.resolve("token.txt"), "line 1\nline 2 é\n");

        Cli.Result result = run(Cli.with(), "secret", "put", "simple", "token", "--file", file.toString(), "--force");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentBody().get("content").asText()).isEqualTo("line 1\nline 2 é\n");
        assertThat(sentBody().get("force").asBoolean()).isTrue();
        assertThat(result.out() + result.err()).doesNotContain("line 1");
    }

    @Test
    void shouldDropOneNewlineFromTheFileWhenAskedTo() throws Exception {
        store.on("POST", SECRETS, 201, TOKEN);
        Path file = Files.writeString(dir.resolve("token.txt"), VALUE + "\n");

        run(Cli.with(), "secret", "put", "simple", "token", "--file", file.toString(), "--strip-newline");

        assertThat(sentBody().get("content").asText()).isEqualTo(VALUE);
    }

    @Test
    void shouldAskWithoutEchoWhenStdinIsATerminal() throws Exception {
        store.on("POST", SECRETS, 201, TOKEN);
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
        CommandSpec globalPut = gofer.getSubcommands()
                .get("secret")
                .getSubcommands()
                .get("global")
                .getSubcommands()
                .get("put")
                .getCommandSpec();

        assertThat(put.positionalParameters()).extracting(PositionalParamSpec::paramLabel)
                .containsExactly("<pipeline>", "<key>");
        assertThat(globalPut.positionalParameters()).extracting(PositionalParamSpec::paramLabel)
                .containsExactly("<key>");
        assertThat(valueOptions(put)).containsExactlyInAnyOrder("--file", "--api-url", "--store-url", "--namespace",
                "--output");
        assertThat(valueOptions(globalPut)).containsExactlyInAnyOrder("--file", "--namespaces", "--api-url",
                "--store-url", "--namespace", "--output");
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
        assertThat(store.requests()).isEmpty();
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheValueIsEmpty() {
        Cli.Result result = run(Cli.with().stdin("\n".getBytes(StandardCharsets.UTF_8)), "secret", "put", "simple",
                "token");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: the secret value is empty\n");
        assertThat(store.requests()).isEmpty();
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheValueIsNotUtf8() {
        Cli.Result result = run(Cli.with().stdin(new byte[]{'a', (byte) 0xff, (byte) 0xfe}), "secret", "put",
                "simple", "token");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("not UTF-8 text");
        assertThat(store.requests()).isEmpty();
    }

    @Test
    void shouldPrintTheProblemAndExitTwoWhenTheSecretExists() {
        store.onText("POST", SECRETS, 409, "application/problem+json", """
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
        store.on("GET", "/api/namespaces/team-a/pipelines/simple/secrets", 200,
                "{\"secrets\":[{\"key\":\"token\",\"created\":1700000000000}]}");

        Cli.Result result = run(Cli.with(), "-o", "json", "-n", "team-a", "secret", "list", "simple");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(MAPPER.readTree(result.out()))
                .isEqualTo(MAPPER.readTree("{\"secrets\":[{\"key\":\"token\",\"created\":1700000000000}]}"));
    }

    @Test
    void shouldPrintATableWhenListingSecrets() {
        store.on("GET", SECRETS, 200, """
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
    void shouldShowTheMetadataWithoutTheTokenWhenGettingWithoutReveal() {
        store.on("GET", SECRETS + "/token", 200, TOKEN);

        Cli.Result result = run(Cli.with().env("GOFER_STORE_ADMIN_TOKEN", "admin"), "secret", "get", "simple",
                "token");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).contains("key       token", "pipeline  default/simple");
        assertThat(store.requests().get(0).header("Authorization")).isNull();
        assertThat(store.requests().get(0).query()).isNull();
    }

    @Test
    void shouldPrintOnlyTheValueWithTheEnvironmentTokenWhenRevealing() {
        store.on("GET", SECRETS + "/token", 200,
                "{\"secret\":{\"key\":\"token\",\"created\":1700000000000,\"secret\":\"s3cret\"}}");

        Cli.Result result = run(Cli.with().env("GOFER_STORE_ADMIN_TOKEN", "admin-token\n"), "secret", "get", "simple",
                "token", "--reveal");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo(VALUE + "\n");
        assertThat(store.requests().get(0).query()).isEqualTo("include_secret=true");
        assertThat(store.requests().get(0).header("Authorization")).isEqualTo("Bearer admin-token");
    }

    @Test
    void shouldReadTheTokenFileAndPrintJsonWhenRevealingAGlobalSecret() throws Exception {
        store.on("GET", GLOBAL + "/registry", 200,
                "{\"secret\":{\"key\":\"registry\",\"namespaces\":[\".*\"],\"created\":1,\"secret\":\"pw\"}}");
        Path tokenFile = Files.writeString(dir.resolve("admin-token"), "from-file\n");

        Cli.Result result = run(Cli.with().env("GOFER_STORE_ADMIN_TOKEN", "from-env"), "-o", "json", "secret",
                "global", "get", "registry", "--reveal", "--admin-token-file", tokenFile.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(MAPPER.readTree(result.out())).isEqualTo(MAPPER.readTree(
                "{\"secret\":{\"key\":\"registry\",\"namespaces\":[\".*\"],\"created\":1,\"secret\":\"pw\"}}"));
        assertThat(store.requests().get(0).header("Authorization")).isEqualTo("Bearer from-file");
    }

    @Test
    void shouldExitTwoWithoutARequestWhenRevealingWithoutAToken() {
        Cli.Result result = run(Cli.with(), "secret", "get", "simple", "token", "--reveal");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: --reveal needs the store's admin token: set "
                + "GOFER_STORE_ADMIN_TOKEN or give --admin-token-file");
        assertThat(store.requests()).isEmpty();
    }

    @Test
    void shouldPrintTheForbiddenProblemWhenTheStoreRejectsTheToken() {
        store.onText("GET", SECRETS + "/token", 403, "application/problem+json",
                "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"a valid admin token is required\"}");

        Cli.Result result = run(Cli.with().env("GOFER_STORE_ADMIN_TOKEN", "wrong"), "secret", "get", "simple",
                "token", "--reveal");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Forbidden: a valid admin token is required\n");
    }

    @Test
    void shouldSendThePatternsWhenPuttingAGlobalSecret() throws Exception {
        store.on("POST", GLOBAL, 201,
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
        store.on("GET", GLOBAL, 200,
                "{\"secrets\":[{\"key\":\"registry\",\"namespaces\":[\"team-.*\",\"default\"],\"created\":1}]}");
        store.onStatus("DELETE", GLOBAL + "/registry", 204);

        Cli.Result list = run(Cli.with(), "secret", "global", "list");
        Cli.Result delete = run(Cli.with(), "secret", "global", "delete", "registry");

        assertThat(list.out().lines().toList()).satisfies(lines -> {
            assertThat(lines.get(0)).startsWith("KEY       NAMESPACES       CREATED");
            assertThat(lines.get(1)).startsWith("registry  team-.*,default  " + Times.at(1));
        });
        assertThat(delete.exitCode()).as(delete.err()).isZero();
        assertThat(delete.out()).isEqualTo("deleted global secret registry\n");
    }

    @Test
    void shouldDeleteASecretOfThePipeline() {
        store.onStatus("DELETE", SECRETS + "/token", 204);

        Cli.Result result = run(Cli.with(), "secret", "delete", "simple", "token");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("deleted secret token of default/simple\n");
        assertThat(store.requests("DELETE", SECRETS + "/token")).hasSize(1);
    }

    @Test
    void shouldNameTheStoreUrlWhenItIsUnreachable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }

        Cli.Result result = Cli.run("--store-url", "http://127.0.0.1:" + freePort, "secret", "list", "simple");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: cannot reach the Gofer store at http://127.0.0.1:" + freePort);
    }
}
