package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** {@code gofer login} and {@code gofer context ...}: the CLI config file and its contexts. */
class LoginAndContextCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String WHOAMI = "/api/tokens/whoami";
    private static final String ALICE = "{\"token\":" + Samples.token("1a2b3c4d5e6f7a8b", "alice", "user", false) + "}";
    private static final String SECRET = "gofer-secret-alice";

    @TempDir
    Path home;

    private FakeApi api;
    private FakeApi other;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
        other = new FakeApi();
        api.on("GET", WHOAMI, 200, ALICE);
        other.on("GET", WHOAMI, 200, ALICE);
    }

    @AfterEach
    void stop() {
        api.close();
        other.close();
    }

    private Path configFile() {
        return home.resolve(".config/gofer/config.json");
    }

    private JsonNode savedConfig() throws Exception {
        return MAPPER.readTree(Files.readString(configFile()));
    }

    private Cli cli() {
        return Cli.with().home(home);
    }

    private Cli.Result login(FakeApi target, String... more) {
        List<String> args = new ArrayList<>(List.of("--api-url", target.url(), "login"));
        args.addAll(List.of(more));
        return cli().stdin((SECRET + "\n").getBytes(StandardCharsets.UTF_8)).execute(args.toArray(String[]::new));
    }

    private static String hostPort(FakeApi target) {
        return target.url().substring("http://".length());
    }

    @Test
    void shouldCheckTheStdinTokenAndSaveItAsTheCurrentContext() throws Exception {
        Cli.Result result = login(api);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("logged in to " + api.url() + " as alice (token 1a2b3c4d5e6f7a8b), context "
                + hostPort(api) + "\n");
        assertThat(api.requests("GET", WHOAMI).get(0).header("Authorization")).isEqualTo("Bearer " + SECRET);
        assertThat(savedConfig()).isEqualTo(MAPPER.readTree("{\"current_context\":\"" + hostPort(api)
                + "\",\"contexts\":{\"" + hostPort(api) + "\":{\"api_url\":\"" + api.url() + "\",\"token\":\""
                + SECRET + "\"}}}"));
        assertThat(result.out() + result.err()).doesNotContain(SECRET);
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void shouldWriteTheConfigOwnerOnlyAndLeaveNoTemporaryFile() throws Exception {
        login(api);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile()))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(configFile().getParent())))
                .isEqualTo("rwx------");
        try (var files = Files.list(configFile().getParent())) {
            assertThat(files.map(file -> file.getFileName().toString())).containsExactly("config.json");
        }
    }

    @Test
    @DisabledOnOs(OS.WINDOWS)
    void shouldMakeAnExistingWiderFileOwnerOnlyWhenRewritingIt() throws Exception {
        Path config = home.resolve("gofer.json");
        Files.writeString(config, "{}");
        Files.setPosixFilePermissions(config, PosixFilePermissions.fromString("rw-r--r--"));

        Cli.Result result = cli().env("GOFER_CONFIG", config.toString())
                .stdin(SECRET.getBytes(StandardCharsets.UTF_8))
                .execute("--api-url", api.url(), "login", "--context", "dev");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(config))).isEqualTo("rw-------");
        assertThat(MAPPER.readTree(Files.readString(config)).at("/contexts/dev/token").asText()).isEqualTo(SECRET);
    }

    @Test
    void shouldReadTheTokenFromTheTokenFileAndUseTheGivenContextName() throws Exception {
        Path file = Files.writeString(home.resolve("token"), "file-secret\n");

        Cli.Result result = cli().execute("--api-url", api.url(), "login", "--context", "prod", "--token-file",
                file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).endsWith("context prod\n");
        assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer file-secret");
        assertThat(savedConfig().at("/contexts/prod/token").asText()).isEqualTo("file-secret");
        assertThat(savedConfig().at("/current_context").asText()).isEqualTo("prod");
    }

    @Test
    void shouldAskForTheTokenWithoutEchoOnATerminal() throws Exception {
        List<String> prompts = new ArrayList<>();
        Terminal terminal = new Terminal() {
            @Override
            public boolean interactive() {
                return true;
            }

            @Override
            public char[] readHidden(String prompt) {
                prompts.add(prompt);
                return "typed-secret".toCharArray();
            }
        };

        Cli.Result result = cli().terminal(terminal).execute("--api-url", api.url(), "login");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(prompts).containsExactly("API token for " + api.url() + ": ");
        assertThat(savedConfig().at("/contexts/" + hostPort(api) + "/token").asText()).isEqualTo("typed-secret");
    }

    @Test
    void shouldSendTheNewTokenRatherThanTheEnvironmentsWhenLoggingIn() {
        Cli.Result result = cli().env("GOFER_API_TOKEN", "env-token")
                .stdin(SECRET.getBytes(StandardCharsets.UTF_8))
                .execute("--api-url", api.url(), "login");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests().get(0).header("Authorization")).isEqualTo("Bearer " + SECRET);
    }

    @Test
    void shouldSaveNothingWhenTheApiRefusesTheToken() {
        api.onText("GET", WHOAMI, 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown token\"}");

        Cli.Result result = login(api);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Unauthorized: unknown token\n"
                + "  (the API refused the token from standard input; nothing was saved)\n");
        assertThat(result.out()).isEmpty();
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void shouldKeepTheExistingConfigWhenARefusedLoginFollowsAGoodOne() throws Exception {
        login(api);
        String before = Files.readString(configFile());
        other.onText("GET", WHOAMI, 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown token\"}");

        Cli.Result result = login(other);

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(Files.readString(configFile())).isEqualTo(before);
    }

    @Test
    void shouldExitTwoWithoutARequestWhenNoTokenIsGiven() {
        Cli.Result result = cli().execute("--api-url", api.url(), "login");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo(
                "error: no token given on standard input (pipe it in, or give --token-file)\n");
        assertThat(api.requests()).isEmpty();
        assertThat(configFile()).doesNotExist();
    }

    @Test
    void shouldPrintTheContextAndTokenButNotTheSecretAsJson() throws Exception {
        Cli.Result result = login(api, "--context", "dev", "-o", "json");

        JsonNode json = MAPPER.readTree(result.out());
        assertThat(json.get("context")).isEqualTo(MAPPER.readTree("{\"name\":\"dev\",\"api_url\":\"" + api.url()
                + "\",\"current\":true,\"has_token\":true}"));
        assertThat(json.at("/token/user").asText()).isEqualTo("alice");
        assertThat(result.out()).doesNotContain(SECRET);
    }

    @Test
    void shouldListContextsMarkingTheCurrentOneWithoutTokens() throws Exception {
        login(api, "--context", "dev");
        login(other, "--context", "prod");

        Cli.Result result = cli().execute("context", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out().lines().toList()).hasSize(3).satisfies(lines -> {
            assertThat(lines.get(0)).matches("CURRENT  NAME  API URL +TOKEN");
            assertThat(lines.get(1)).matches(" {9}dev   " + api.url() + " +saved");
            assertThat(lines.get(2)).matches("\\* {8}prod  " + other.url() + " +saved");
        });
        assertThat(result.out()).doesNotContain(SECRET);
    }

    @Test
    void shouldListContextsAsJsonWithoutTokens() throws Exception {
        login(api, "--context", "dev");

        Cli.Result result = cli().execute("-o", "json", "context", "list");

        assertThat(MAPPER.readTree(result.out())).isEqualTo(MAPPER.readTree("{\"current_context\":\"dev\","
                + "\"contexts\":[{\"name\":\"dev\",\"api_url\":\"" + api.url()
                + "\",\"current\":true,\"has_token\":true}]}"));
    }

    @Test
    void shouldSwitchContextsAndSendTheCurrentOnesTokenToItsUrl() throws Exception {
        login(api, "--context", "dev");
        Path file = Files.writeString(home.resolve("prod-token"), "prod-secret");
        cli().execute("--api-url", other.url(), "login", "--context", "prod", "--token-file", file.toString());

        Cli.Result onProd = cli().execute("token", "whoami");
        Cli.Result use = cli().execute("context", "use", "dev");
        Cli.Result current = cli().execute("context", "current");
        Cli.Result onDev = cli().execute("token", "whoami");

        assertThat(onProd.exitCode()).as(onProd.err()).isZero();
        assertThat(other.requests("GET", WHOAMI)).last()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer prod-secret"));
        assertThat(use.out()).isEqualTo("switched to context dev (" + api.url() + ")\n");
        assertThat(current.out()).isEqualTo("dev\n");
        assertThat(onDev.exitCode()).as(onDev.err()).isZero();
        assertThat(api.requests("GET", WHOAMI)).hasSize(2).last()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer " + SECRET));
        assertThat(savedConfig().at("/current_context").asText()).isEqualTo("dev");
    }

    @Test
    void shouldLogInAgainToTheCurrentContextsUrlWithoutApiUrl() throws Exception {
        login(api, "--context", "dev");

        Cli.Result result = cli().stdin("new-secret".getBytes(StandardCharsets.UTF_8)).execute("login", "--context",
                "dev");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests("GET", WHOAMI)).last()
                .satisfies(r -> assertThat(r.header("Authorization")).isEqualTo("Bearer new-secret"));
        assertThat(savedConfig().at("/contexts/dev/token").asText()).isEqualTo("new-secret");
    }

    @Test
    void shouldExitTwoWhenUsingAnUnknownContext() throws Exception {
        login(api, "--context", "dev");
        String before = Files.readString(configFile());

        Cli.Result result = cli().execute("context", "use", "nope");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: no context nope in ");
        assertThat(Files.readString(configFile())).isEqualTo(before);
    }

    @Test
    void shouldDeleteAContextAndLeaveNoCurrentOneWhenItWasCurrent() throws Exception {
        login(api, "--context", "dev");
        login(other, "--context", "prod");

        Cli.Result deleted = cli().execute("context", "delete", "prod");
        Cli.Result current = cli().execute("context", "current");

        assertThat(deleted.out()).isEqualTo("deleted context prod (there is no current context now)\n");
        assertThat(savedConfig().get("contexts").fieldNames()).toIterable().containsExactly("dev");
        assertThat(savedConfig().get("current_context").isNull()).isTrue();
        assertThat(current.exitCode()).isEqualTo(2);
        assertThat(current.err()).isEqualTo("error: no current context (see: gofer login, gofer context use)\n");
    }

    @Test
    void shouldPrintTheCurrentContextAsJsonWithoutItsToken() throws Exception {
        login(api, "--context", "dev");

        Cli.Result result = cli().execute("-o", "json", "context", "current");

        assertThat(MAPPER.readTree(result.out()).at("/context/name").asText()).isEqualTo("dev");
        assertThat(result.out()).doesNotContain(SECRET);
    }

    @Test
    void shouldNameTheContextAfterTheUrlsHostAndPort() {
        assertThat(LoginCommand.defaultName("http://gofer.example.com:8080")).isEqualTo("gofer.example.com:8080");
        assertThat(LoginCommand.defaultName("https://gofer.example.com")).isEqualTo("gofer.example.com:443");
        assertThat(LoginCommand.defaultName("http://gofer.example.com/base")).isEqualTo("gofer.example.com:80");
    }

    @Test
    void shouldNeverPrintTheTokenInTheContextsToString() {
        assertThat(new CliConfig.Context("http://x", SECRET).toString()).doesNotContain(SECRET);
        assertThat(new ApiTarget("http://x", "--api-url", SECRET, "env", null).toString()).doesNotContain(SECRET);
    }
}
