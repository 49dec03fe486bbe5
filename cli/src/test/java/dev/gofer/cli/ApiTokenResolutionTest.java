package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which URL and token every API command uses: flags, then the environment, then the current context. */
class ApiTokenResolutionTest {

    private static final String NAMESPACES = "/api/namespaces";
    private static final String LIST = "{\"namespaces\":[]}";
    private static final String SECRETS = "/api/namespaces/default/pipelines/simple/secrets";
    private static final String NO_SECRETS = "{\"secrets\":[]}";

    @TempDir
    Path dir;

    private FakeApi api;
    private Path config;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
        api.on("GET", NAMESPACES, 200, LIST);
        config = dir.resolve("config.json");
    }

    @AfterEach
    void stop() {
        api.close();
    }

    /** A config whose current context {@code ctx} points at {@code url} with {@code token}. */
    private void writeConfig(String url, String token) throws IOException {
        Files.writeString(config, """
                {"current_context":"ctx","contexts":{"ctx":{"api_url":"%s","token":"%s"},
                 "other":{"api_url":"http://other.example:8080","token":"other-token"}}}
                """.formatted(url, token));
    }

    private Cli withConfig() {
        return Cli.with().env(CliConfig.PATH_ENV, config.toString());
    }

    private String sentAuthorization() {
        assertThat(api.requests()).hasSize(1);
        return api.requests().get(0).header("Authorization");
    }

    private static String deadUrl() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        }
    }

    @Test
    void shouldSendTheEnvironmentTokenAsBearer() {
        Cli.Result result = Cli.with().env("GOFER_API_TOKEN", " env-token\n").execute("--api-url", api.url(),
                "namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isEqualTo("Bearer env-token");
    }

    @Test
    void shouldSendNoAuthorizationWithoutAnyToken() {
        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isNull();
    }

    @Test
    void shouldUseTheCurrentContextsUrlAndTokenWithoutFlagsOrEnvironment() throws Exception {
        writeConfig(api.url(), "context-token");

        Cli.Result result = withConfig().execute("namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isEqualTo("Bearer context-token");
    }

    @Test
    void shouldPreferTheEnvironmentTokenOverTheContexts() throws Exception {
        writeConfig(api.url(), "context-token");

        Cli.Result result = withConfig().env("GOFER_API_TOKEN", "env-token").execute("namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isEqualTo("Bearer env-token");
    }

    @Test
    void shouldTreatABlankEnvironmentTokenAsUnset() throws Exception {
        writeConfig(api.url(), "context-token");

        Cli.Result result = withConfig().env("GOFER_API_TOKEN", "  ").execute("namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isEqualTo("Bearer context-token");
    }

    @Test
    void shouldPreferTheTokenFileOverTheEnvironmentAndTheContext() throws Exception {
        writeConfig(api.url(), "context-token");
        Path file = Files.writeString(dir.resolve("token"), "file-token\n");

        Cli.Result result = withConfig().env("GOFER_API_TOKEN", "env-token")
                .execute("--token-file", file.toString(), "namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isEqualTo("Bearer file-token");
    }

    @Test
    void shouldAcceptTheTokenFileAfterTheSubcommand() throws Exception {
        Path file = Files.writeString(dir.resolve("token"), "file-token");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "list", "--token-file", file.toString());

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isEqualTo("Bearer file-token");
    }

    @Test
    void shouldExitTwoWithoutARequestWhenTheTokenFileIsEmptyOrMissing() throws Exception {
        Path empty = Files.writeString(dir.resolve("empty"), " \n");

        Cli.Result blank = Cli.run("--api-url", api.url(), "--token-file", empty.toString(), "namespace", "list");
        Cli.Result missing = Cli.run("--api-url", api.url(), "--token-file", dir.resolve("nope").toString(),
                "namespace", "list");

        assertThat(blank.exitCode()).isEqualTo(2);
        assertThat(blank.err()).isEqualTo("error: the API token file " + empty + " is empty\n");
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("cannot read the API token: no such file");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldPreferTheEnvironmentUrlOverTheContextsAndNotSendTheContextsTokenThere() throws Exception {
        writeConfig(deadUrl(), "context-token");

        Cli.Result result = withConfig().env("GOFER_API_URL", api.url()).execute("namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isNull();
    }

    @Test
    void shouldSendTheContextsTokenToItsUrlGivenWithTheFlag() throws Exception {
        writeConfig(api.url() + "/", "context-token");

        Cli.Result result = withConfig().execute("--api-url", api.url(), "namespace", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentAuthorization()).isEqualTo("Bearer context-token");
    }

    @Test
    void shouldFallBackFromTheContextsUrlToTheBuiltInDefault() {
        Main main = new Main();
        main.env = name -> null;
        CliConfig.Context context = new CliConfig.Context("http://ctx.example:8080", null);

        ApiTarget.Url withoutContext = ApiTarget.url(main, Optional::empty);
        ApiTarget.Url withContext = ApiTarget.url(main, () -> Optional.of(new ApiTarget.Named("c", context)));

        assertThat(withoutContext).isEqualTo(new ApiTarget.Url("http://localhost:8080", "the default"));
        assertThat(withContext).isEqualTo(new ApiTarget.Url("http://ctx.example:8080", "context c"));
    }

    @Test
    void shouldPrintTheProblemAndTheLoginHintOnA401() {
        api.onText("GET", NAMESPACES, 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"a bearer token is required\"}");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Unauthorized: a bearer token is required\n"
                + "  (send a token: set GOFER_API_TOKEN, or run gofer login)\n");
    }

    @Test
    void shouldNameTheTokenSourceButNotTheTokenOnA401() {
        api.onText("GET", NAMESPACES, 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown token\"}");

        Cli.Result result = Cli.with().env("GOFER_API_TOKEN", "stale-token").execute("--api-url", api.url(),
                "namespace", "list");

        assertThat(result.err()).isEqualTo("error: Unauthorized: unknown token\n"
                + "  (send a token: set GOFER_API_TOKEN, or run gofer login)\n"
                + "  (sent the token from env GOFER_API_TOKEN to " + api.url() + ")\n");
        assertThat(result.out() + result.err()).doesNotContain("stale-token");
    }

    @Test
    void shouldSayWhyTheContextsTokenWasNotSentOnA401() throws Exception {
        writeConfig("http://prod.example:8080", "context-token");
        api.onText("GET", NAMESPACES, 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"a bearer token is required\"}");

        Cli.Result result = withConfig().execute("--api-url", api.url(), "namespace", "list");

        assertThat(sentAuthorization()).isNull();
        assertThat(result.err()).endsWith("  (the current context ctx has a token for http://prod.example:8080; it is"
                + " not sent to " + api.url() + " (from --api-url))\n");
    }

    @Test
    void shouldNotPrintTheHintForOtherProblems() {
        api.onText("GET", NAMESPACES, 403, "application/problem+json",
                "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"no permission\"}");

        Cli.Result result = Cli.run("--api-url", api.url(), "namespace", "list");

        assertThat(result.err()).isEqualTo("error: Forbidden: no permission\n");
    }

    // The store's routes (secret, object) are API routes: same URL, same token, same 401 hints.

    @Test
    void shouldSendStoreRequestsToTheContextsUrlWithItsToken() throws Exception {
        writeConfig(api.url(), "context-token");
        api.on("GET", SECRETS, 200, NO_SECRETS);

        Cli.Result result = withConfig().execute("secret", "list", "simple");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests()).extracting(FakeApi.Recorded::path).containsExactly(SECRETS);
        assertThat(sentAuthorization()).isEqualTo("Bearer context-token");
    }

    @Test
    void shouldSendStoreRequestsToTheEnvironmentsApiUrlAndIgnoreTheOldStoreUrlVariable() throws Exception {
        api.on("GET", SECRETS, 200, NO_SECRETS);

        Cli.Result result = Cli.with()
                .env("GOFER_API_URL", api.url())
                .env("GOFER_API_TOKEN", "env-token")
                .env("GOFER_STORE_URL", deadUrl())
                .execute("secret", "list", "simple");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(api.requests()).extracting(FakeApi.Recorded::path).containsExactly(SECRETS);
        assertThat(sentAuthorization()).isEqualTo("Bearer env-token");
    }

    @Test
    void shouldSendStoreRequestsToTheHiddenStoreUrlOverrideWithTheSameToken() throws Exception {
        try (FakeApi store = new FakeApi()) {
            store.on("GET", SECRETS, 200, NO_SECRETS);
            Path file = Files.writeString(dir.resolve("token"), "file-token\n");

            Cli.Result result = Cli.run("--api-url", deadUrl(), "--store-url", store.url(), "--token-file",
                    file.toString(), "secret", "list", "simple");

            assertThat(result.exitCode()).as(result.err()).isZero();
            assertThat(store.requests()).hasSize(1);
            assertThat(store.requests().get(0).path()).isEqualTo(SECRETS);
            assertThat(store.requests().get(0).header("Authorization")).isEqualTo("Bearer file-token");
        }
    }

    @Test
    void shouldNotSendTheContextsTokenToAStoreUrlOverrideElsewhere() throws Exception {
        writeConfig("http://prod.example:8080", "context-token");
        api.onText("GET", SECRETS, 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"a bearer token is required\"}");

        Cli.Result result = withConfig().execute("--store-url", api.url(), "secret", "list", "simple");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(sentAuthorization()).isNull();
        assertThat(result.err()).isEqualTo("error: Unauthorized: a bearer token is required\n"
                + "  (send a token: set GOFER_API_TOKEN, or run gofer login)\n"
                + "  (the current context ctx has a token for http://prod.example:8080; it is not sent to "
                + api.url() + " (from --store-url))\n");
    }

    @Test
    void shouldHideTheStoreUrlOverrideFromTheHelp() {
        for (String[] args : List.of(new String[]{"--help"}, new String[]{"secret", "list", "--help"},
                new String[]{"object", "get", "--help"})) {
            Cli.Result help = Cli.run(args);

            assertThat(help.exitCode()).isZero();
            assertThat(help.out()).contains("--api-url").doesNotContain("--store-url").doesNotContain("GOFER_STORE");
        }
    }

    @Test
    void shouldPrintTheTokenHintForA401OfAStoreRoute() {
        api.onText("GET", SECRETS, 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"unknown token\"}");

        Cli.Result result = Cli.with().env("GOFER_API_TOKEN", "stale-token").execute("--api-url", api.url(), "secret",
                "list", "simple");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(sentAuthorization()).isEqualTo("Bearer stale-token");
        assertThat(result.err()).isEqualTo("error: Unauthorized: unknown token\n"
                + "  (send a token: set GOFER_API_TOKEN, or run gofer login)\n"
                + "  (sent the token from env GOFER_API_TOKEN to " + api.url() + ")\n");
        assertThat(result.out() + result.err()).doesNotContain("stale-token");
    }

    @Test
    void shouldSendARevealWithoutATokenLikeAnyRequestAndHintOnThe401() {
        api.onText("GET", SECRETS + "/token", 401, "application/problem+json",
                "{\"title\":\"Unauthorized\",\"status\":401,\"detail\":\"a bearer token is required\"}");

        Cli.Result result = Cli.run("--api-url", api.url(), "secret", "get", "simple", "token", "--reveal");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(api.requests()).hasSize(1);
        assertThat(api.requests().get(0).query()).isEqualTo("include_secret=true");
        assertThat(sentAuthorization()).isNull();
        assertThat(result.err()).isEqualTo("error: Unauthorized: a bearer token is required\n"
                + "  (send a token: set GOFER_API_TOKEN, or run gofer login)\n");
    }

    @Test
    void shouldFailWithThePathWhenTheConfigIsBroken() throws Exception {
        Files.writeString(config, "{not json");

        Cli.Result result = withConfig().execute("namespace", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).startsWith("error: the CLI config " + config + " is not valid: ");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldFindTheConfigByGoferConfigThenXdgThenHome() {
        Main main = new Main();
        main.home = dir.resolve("home");

        main.env = name -> null;
        Path byHome = CliConfig.path(main);
        main.env = name -> name.equals("XDG_CONFIG_HOME") ? "relative/ignored" : null;
        Path byRelativeXdg = CliConfig.path(main);
        main.env = name -> name.equals("XDG_CONFIG_HOME") ? dir.resolve("xdg").toString() : null;
        Path byXdg = CliConfig.path(main);
        main.env = name -> name.equals("GOFER_CONFIG")
                ? dir.resolve("mine.json").toString()
                : name.equals("XDG_CONFIG_HOME") ? dir.resolve("xdg").toString() : null;
        Path byGoferConfig = CliConfig.path(main);

        assertThat(byHome).isEqualTo(dir.resolve("home/.config/gofer/config.json"));
        assertThat(byRelativeXdg).isEqualTo(byHome);
        assertThat(byXdg).isEqualTo(dir.resolve("xdg/gofer/config.json"));
        assertThat(byGoferConfig).isEqualTo(dir.resolve("mine.json"));
    }
}
