package dev.gofer.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import picocli.CommandLine;

/** {@code gofer token ...} and {@code gofer role ...}: the requests, the output, and that secrets stay hidden. */
class TokenAndRoleCommandTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String TOKENS = "/api/tokens";
    private static final String ID = "1a2b3c4d5e6f7a8b";
    private static final String SECRET = "gofer-new-secret";
    private static final String ADMIN = "admin-secret";

    private FakeApi api;

    @BeforeEach
    void start() throws Exception {
        api = new FakeApi();
    }

    @AfterEach
    void stop() {
        api.close();
    }

    private Cli.Result run(String... args) {
        String[] all = new String[args.length + 2];
        all[0] = "--api-url";
        all[1] = api.url();
        System.arraycopy(args, 0, all, 2, args.length);
        return Cli.with().env("GOFER_API_TOKEN", ADMIN).execute(all);
    }

    private FakeApi.Recorded only() {
        assertThat(api.requests()).hasSize(1);
        FakeApi.Recorded request = api.requests().get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + ADMIN);
        return request;
    }

    private JsonNode sentBody() throws Exception {
        return MAPPER.readTree(only().body());
    }

    private static String tokenAnswer(boolean disabled) {
        return "{\"token\":" + Samples.token(ID, "alice", "user", disabled) + "}";
    }

    @Test
    void shouldPrintOnlyTheSecretOnStdoutAndTheRestOnStderrWhenBootstrapping() {
        api.on("POST", TOKENS + "/bootstrap", 201, Samples.createdToken(SECRET, ID, "bootstrap", "bootstrap"));

        Cli.Result result = run("token", "bootstrap");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(only().method()).isEqualTo("POST");
        assertThat(result.out()).isEqualTo(SECRET + "\n");
        assertThat(result.err()).isEqualTo("bootstrap token " + ID + " for bootstrap (roles user,viewer; namespaces "
                + "default,team-.*; expires never):\n"
                + "keep this secret now: it is shown only this once (Gofer keeps only its hash)\n");
    }

    @Test
    void shouldPrintTheApisJsonWhenBootstrappingAsJson() throws Exception {
        api.on("POST", TOKENS + "/bootstrap", 201, Samples.createdToken(SECRET, ID, "bootstrap", "bootstrap"));

        Cli.Result result = run("-o", "json", "token", "bootstrap");

        JsonNode json = MAPPER.readTree(result.out());
        assertThat(json.get("secret").asText()).isEqualTo(SECRET);
        assertThat(json.get("token")).isEqualTo(MAPPER.readTree(Samples.token(ID, "bootstrap", "bootstrap", false)));
        assertThat(result.err()).isEmpty();
    }

    @Test
    void shouldExplainAConflictWhenBootstrappingTwice() {
        api.onText("POST", TOKENS + "/bootstrap", 409, "application/problem+json",
                "{\"title\":\"Conflict\",\"status\":409,\"detail\":\"the bootstrap token was made already\"}");

        Cli.Result result = run("token", "bootstrap");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Conflict: the bootstrap token was made already\n");
    }

    @Test
    void shouldPostTheUserPatternsRolesLifetimeAndMetadataWhenCreating() throws Exception {
        api.on("POST", TOKENS, 201, Samples.createdToken(SECRET, ID, "alice", "user"));

        Cli.Result result = run("token", "create", "--user", "alice", "--namespaces", "team-.*,x{1,3}", "--namespaces",
                "default", "--role", "user", "--role", "viewer", "--expires", "30d", "--metadata", "purpose=ci",
                "--metadata", "owner=bob");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentBody()).isEqualTo(MAPPER.readTree("{\"user\":\"alice\",\"namespaces\":[\"team-.*\",\"x{1,3}\","
                + "\"default\"],\"roles\":[\"user\",\"viewer\"],\"expires\":2592000,"
                + "\"metadata\":{\"purpose\":\"ci\",\"owner\":\"bob\"}}"));
        assertThat(result.out()).isEqualTo(SECRET + "\n");
        assertThat(result.err()).startsWith("created token " + ID + " for alice (");
    }

    @Test
    void shouldDefaultToTheNamespaceTheUserRoleAndNoExpiryWhenCreating() throws Exception {
        api.on("POST", TOKENS, 201, Samples.createdToken(SECRET, ID, "alice", "user"));

        Cli.Result result = run("token", "create", "--user", "alice");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(sentBody()).isEqualTo(MAPPER.readTree("{\"user\":\"alice\",\"namespaces\":[\"default\"],"
                + "\"roles\":[\"user\"],\"expires\":0,\"metadata\":{}}"));
    }

    @Test
    void shouldTakeTheDefaultPatternFromTheNamespaceOption() throws Exception {
        api.on("POST", TOKENS, 201, Samples.createdToken(SECRET, ID, "alice", "user"));

        run("-n", "team-a", "token", "create", "--user", "alice", "--expires", "0");

        assertThat(sentBody().get("namespaces")).isEqualTo(MAPPER.readTree("[\"team-a\"]"));
        assertThat(sentBody().get("expires").asLong()).isZero();
    }

    @Test
    void shouldPrintTheSecretAndTheTokenAsJsonWhenCreating() throws Exception {
        api.on("POST", TOKENS, 201, Samples.createdToken(SECRET, ID, "alice", "user"));

        Cli.Result result = run("-o", "json", "token", "create", "--user", "alice");

        JsonNode json = MAPPER.readTree(result.out());
        assertThat(json.get("secret").asText()).isEqualTo(SECRET);
        assertThat(json.at("/token/id").asText()).isEqualTo(ID);
        assertThat(json.at("/token/last_used").isNumber()).isTrue();
    }

    @Test
    void shouldRejectABadLifetimeOrAMissingUserWithoutARequest() {
        Cli.Result badLifetime = run("token", "create", "--user", "alice", "--expires", "2w");
        Cli.Result zeroUnit = run("token", "create", "--user", "alice", "--expires", "0s");
        Cli.Result noUser = run("token", "create");

        assertThat(badLifetime.exitCode()).isEqualTo(2);
        assertThat(badLifetime.err())
                .contains("expected 0 (never) or a lifetime such as 90s, 30m, 12h or 30d, was '2w'");
        assertThat(zeroUnit.exitCode()).isEqualTo(2);
        assertThat(noUser.exitCode()).isEqualTo(2);
        assertThat(noUser.err()).contains("Missing required option: '--user=<user>'");
        assertThat(api.requests()).isEmpty();
    }

    @Test
    void shouldConvertEachLifetimeUnit() {
        ExpiresConverter converter = new ExpiresConverter();

        assertThat(converter.convert("0")).isEqualTo(Duration.ZERO);
        assertThat(converter.convert("90s")).isEqualTo(Duration.ofSeconds(90));
        assertThat(converter.convert("30m")).isEqualTo(Duration.ofMinutes(30));
        assertThat(converter.convert("12H")).isEqualTo(Duration.ofHours(12));
        assertThat(converter.convert(" 30d ")).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void shouldListTokensAsATableWithoutSecrets() {
        api.on("GET", TOKENS, 200, "{\"tokens\":[" + Samples.token(ID, "alice", "user", false) + ","
                + Samples.token("ffffffffffffffff", "ci", "user", true).replace("\"expires\":0",
                        "\"expires\":1700000000000")
                + "]}");

        Cli.Result result = run("token", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(only().method()).isEqualTo("GET");
        String expires = Times.at(1700000000000L);
        assertThat(result.out().lines().toList()).containsExactly(
                "ID                USER   KIND  ROLES        NAMESPACES       EXPIRES"
                        + " ".repeat(expires.length() - 7)
                        + "  DISABLED  LAST USED",
                ID + "  alice  user  user,viewer  default,team-.*  never" + " ".repeat(expires.length() - 5)
                        + "  no        never",
                "ffffffffffffffff  ci     user  user,viewer  default,team-.*  " + expires + "  yes       never");
        assertThat(result.out()).doesNotContain(ADMIN).doesNotContain("secret");
    }

    @Test
    void shouldListTokensAsJson() throws Exception {
        api.on("GET", TOKENS, 200, "{\"tokens\":[" + Samples.token(ID, "alice", "user", false) + "]}");

        Cli.Result result = run("-o", "json", "token", "list");

        assertThat(MAPPER.readTree(result.out())).isEqualTo(
                MAPPER.readTree("{\"tokens\":[" + Samples.token(ID, "alice", "user", false) + "]}"));
    }

    @Test
    void shouldShowATokensDetailsWhenGettingIt() {
        api.on("GET", TOKENS + "/" + ID, 200, tokenAnswer(false));

        Cli.Result result = run("token", "get", ID);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(only().path()).isEqualTo(TOKENS + "/" + ID);
        assertThat(result.out().lines().toList()).contains("id          " + ID, "user        alice",
                "kind        user", "roles       user,viewer", "namespaces  default,team-.*",
                "metadata    purpose=ci", "expires     never", "disabled    no", "last used   never");
        assertThat(result.out()).doesNotContain(ADMIN);
    }

    @Test
    void shouldAskForTheCallersTokenWhenWhoami() throws Exception {
        api.on("GET", TOKENS + "/whoami", 200, tokenAnswer(false));

        Cli.Result plain = run("token", "whoami");
        Cli.Result json = run("-o", "json", "token", "whoami");

        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out().lines().toList()).contains("user        alice");
        assertThat(MAPPER.readTree(json.out()).at("/token/user").asText()).isEqualTo("alice");
        assertThat(api.requests("GET", TOKENS + "/whoami")).hasSize(2);
    }

    @Test
    void shouldPatchDisabledWhenDisablingAndEnabling() throws Exception {
        api.on("PATCH", TOKENS + "/" + ID, 200, tokenAnswer(true));

        Cli.Result result = run("token", "disable", ID);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(only().method()).isEqualTo("PATCH");
        assertThat(sentBody()).isEqualTo(MAPPER.readTree("{\"disabled\":true}"));
        assertThat(result.out()).isEqualTo("disabled token " + ID + " of alice\n");
    }

    @Test
    void shouldPatchEnabledWhenEnabling() throws Exception {
        api.on("PATCH", TOKENS + "/" + ID, 200, tokenAnswer(false));

        Cli.Result result = run("-o", "json", "token", "enable", ID);

        assertThat(sentBody()).isEqualTo(MAPPER.readTree("{\"disabled\":false}"));
        assertThat(MAPPER.readTree(result.out()).at("/token/disabled").asBoolean()).isFalse();
    }

    @Test
    void shouldSendDeleteAndConfirmWhenDeletingAToken() {
        api.onStatus("DELETE", TOKENS + "/" + ID, 204);

        Cli.Result result = run("token", "delete", ID);
        Cli.Result json = run("-o", "json", "token", "delete", ID);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).isEqualTo("deleted token " + ID + "\n");
        assertThat(json.out()).isEmpty();
        assertThat(api.requests("DELETE", TOKENS + "/" + ID)).hasSize(2);
    }

    @Test
    void shouldPrintTheForbiddenProblemWithoutTheLoginHint() {
        api.onText("GET", TOKENS, 403, "application/problem+json",
                "{\"title\":\"Forbidden\",\"status\":403,\"detail\":\"admin only\"}");

        Cli.Result result = run("token", "list");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).isEqualTo("error: Forbidden: admin only\n");
    }

    @Test
    void shouldListRolesWithTheirPermissions() {
        api.on("GET", "/api/roles", 200, "{\"roles\":[" + Samples.role("user", true) + ","
                + Samples.role("deployer", false) + "]}");

        Cli.Result result = run("role", "list");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(only().path()).isEqualTo("/api/roles");
        assertThat(result.out().lines().toList()).containsExactly(
                "ID        SYSTEM  PERMISSIONS                              DESCRIPTION",
                "user      yes     pipelines,runs:read,write; secrets:read  runs pipelines",
                "deployer  no      pipelines,runs:read,write; secrets:read  runs pipelines");
    }

    @Test
    void shouldShowARoleAndPrintItAsJson() throws Exception {
        api.on("GET", "/api/roles/user", 200, "{\"role\":" + Samples.role("user", true) + "}");

        Cli.Result plain = run("role", "get", "user");
        Cli.Result json = run("-o", "json", "role", "get", "user");

        assertThat(plain.out().lines().toList()).containsExactly("id           user",
                "description  runs pipelines", "system       yes", "permission   pipelines,runs:read,write",
                "permission   secrets:read");
        assertThat(MAPPER.readTree(json.out())).isEqualTo(
                MAPPER.readTree("{\"role\":" + Samples.role("user", true) + "}"));
    }

    @Test
    void shouldTakeNoTokenValueOnTheCommandLine() {
        // A token's value must never come from argv: only files, the environment, stdin or the terminal.
        CommandLine gofer = new CommandLine(new Main());
        CommandLine login = gofer.getSubcommands().get("login");

        assertThat(login.getCommandSpec().positionalParameters()).isEmpty();
        assertThat(login.getCommandSpec().options().stream().filter(o -> o.arity().max() > 0)
                .map(CommandLine.Model.OptionSpec::longestName)).containsExactlyInAnyOrder("--context", "--api-url",
                        "--token-file", "--store-url", "--namespace", "--output");
    }
}
