package dev.gofer.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

/** Pipeline and global secrets against a fake store. */
class GoferStoreClientSecretsTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String SECRETS = "/api/namespaces/default/pipelines/simple/secrets";
    private static final String GLOBAL = "/api/secrets/global";
    private static final String TOKEN_SECRET = "{\"secret\":{\"key\":\"token\",\"created\":1700000000000}}";
    private static final String ADMIN_TOKEN = "admin-token-123";

    private FakeApi store;
    private GoferStoreClient client;

    @BeforeEach
    void start() throws Exception {
        store = new FakeApi();
        client = GoferStoreClient.create(store.url());
    }

    @AfterEach
    void stop() {
        store.close();
    }

    @Test
    void shouldPostKeyContentAndForceWhenPuttingAPipelineSecret() throws Exception {
        store.on("POST", SECRETS, 201, TOKEN_SECRET);
        String value = "s3\"c\\r\te\nt €😀 \u0001";
        char[] chars = value.toCharArray();

        SecretInfo info = client.putPipelineSecret("default", "simple", "token", chars, false);

        assertThat(info).isEqualTo(new SecretInfo("token", 1700000000000L, List.of()));
        assertThat(chars).containsExactly(value.toCharArray()); // the caller's array is left alone
        FakeApi.Recorded request = store.requests().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.query()).isNull();
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Authorization")).isNull();
        assertThat(MAPPER.readTree(request.body())).isEqualTo(MAPPER.createObjectNode()
                .put("key", "token")
                .put("content", value)
                .put("force", false));
    }

    @Test
    void shouldSendTheStringValueAndForceWhenReplacingAPipelineSecret() throws Exception {
        store.on("POST", SECRETS, 201, TOKEN_SECRET);

        client.putPipelineSecret("default", "simple", "token", "new-value", true);

        assertThat(MAPPER.readTree(store.requests().get(0).body()))
                .isEqualTo(MAPPER.readTree("{\"key\":\"token\",\"content\":\"new-value\",\"force\":true}"));
    }

    @Test
    void shouldCarryTheProblemWhenTheSecretExistsWithoutForce() {
        store.on("POST", SECRETS, 409, "application/problem+json", """
                {"type":"urn:gofer:problem:conflict","title":"Conflict","status":409,
                 "detail":"pipeline secret 'token' exists in default/simple","instance":"%s"}
                """.formatted(SECRETS));

        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.putPipelineSecret("default", "simple", "token", "v", false));

        assertThat(e.status()).isEqualTo(409);
        assertThat(e.title()).isEqualTo("Conflict");
        assertThat(e.detail()).isEqualTo("pipeline secret 'token' exists in default/simple");
        assertThat(e.type()).isEqualTo("urn:gofer:problem:conflict");
        assertThat(e.instance()).isEqualTo(SECRETS);
        assertThat(e.getMessage()).doesNotContain("\"v\"");
    }

    @Test
    void shouldSendTheTokenButNoRevealWhenListingAndGettingMetadata() {
        GoferStoreClient admin = GoferStoreClient.builder(store.url()).token(ADMIN_TOKEN).build();
        store.on("GET", SECRETS, 200, """
                {"secrets":[{"key":"token","created":1700000000000},{"key":"other","created":1700000000500}]}
                """);
        store.on("GET", SECRETS + "/token", 200, TOKEN_SECRET);

        List<SecretInfo> secrets = admin.listPipelineSecrets("default", "simple");
        SecretInfo token = admin.getPipelineSecret("default", "simple", "token");

        assertThat(secrets).extracting(SecretInfo::key).containsExactly("token", "other");
        assertThat(token.created()).isEqualTo(1700000000000L);
        assertThat(store.requests()).hasSize(2).allSatisfy(request -> {
            assertThat(request.header("Authorization")).isEqualTo("Bearer " + ADMIN_TOKEN);
            assertThat(request.query()).isNull();
        });
    }

    @Test
    void shouldAskForTheValueWithTheTokenWhenRevealingAPipelineSecret() {
        GoferStoreClient admin = GoferStoreClient.builder(store.url()).token(ADMIN_TOKEN).build();
        store.on("GET", SECRETS + "/token", 200,
                "{\"secret\":{\"key\":\"token\",\"created\":1700000000000,\"secret\":\"s3cret\"}}");

        SecretValue secret = admin.revealPipelineSecret("default", "simple", "token");

        assertThat(secret.value()).isEqualTo("s3cret");
        assertThat(secret.info()).isEqualTo(new SecretInfo("token", 1700000000000L, List.of()));
        assertThat(secret.toString()).doesNotContain("s3cret");
        FakeApi.Recorded request = store.requests().get(0);
        assertThat(request.query()).isEqualTo("include_secret=true");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + ADMIN_TOKEN);
    }

    @Test
    void shouldThrowTheForbiddenProblemWhenTheTokenMayNotReveal() {
        GoferStoreClient admin = GoferStoreClient.builder(store.url()).token("wrong").build();
        store.on("GET", GLOBAL + "/registry", 403, "application/problem+json", """
                {"type":"urn:gofer:problem:forbidden","title":"Forbidden","status":403,
                 "detail":"token 1a2b lacks secrets: reveal"}
                """);

        GoferApiException e = catchThrowableOfType(GoferApiException.class, () -> admin.revealGlobalSecret("registry"));

        assertThat(e.status()).isEqualTo(403);
        assertThat(e.detail()).isEqualTo("token 1a2b lacks secrets: reveal");
        assertThat(store.requests().get(0).header("Authorization")).isEqualTo("Bearer wrong");
    }

    @Test
    void shouldSendNoAuthorizationWhenTheClientHasNoToken() {
        store.on("GET", SECRETS, 401, "application/problem+json", """
                {"type":"urn:gofer:problem:unauthorized","title":"Unauthorized","status":401,
                 "detail":"this route needs a token: send Authorization: Bearer <token>"}
                """);

        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.listPipelineSecrets("default", "simple"));

        assertThat(e.status()).isEqualTo(401);
        assertThat(store.requests().get(0).header("Authorization")).isNull();
    }

    @Test
    void shouldFailClearlyWhenTheStoreLeavesTheValueOut() {
        GoferStoreClient admin = GoferStoreClient.builder(store.url()).token(ADMIN_TOKEN).build();
        store.on("GET", SECRETS + "/token", 200, TOKEN_SECRET);

        assertThatThrownBy(() -> admin.revealPipelineSecret("default", "simple", "token"))
                .isInstanceOf(GoferException.class)
                .hasMessageContaining("no secret value");
    }

    @Test
    void shouldPostPatternsWhenPuttingAGlobalSecret() throws Exception {
        store.on("POST", GLOBAL, 201, """
                {"secret":{"key":"registry","namespaces":["team-.*","default"],"created":1700000000000}}
                """);

        SecretInfo info = client.putGlobalSecret("registry", "pw".toCharArray(), List.of("team-.*", "default"), true);

        assertThat(info.namespaces()).containsExactly("team-.*", "default");
        assertThat(MAPPER.readTree(store.requests().get(0).body())).isEqualTo(MAPPER.readTree(
                "{\"key\":\"registry\",\"content\":\"pw\",\"force\":true,\"namespaces\":[\"team-.*\",\"default\"]}"));
    }

    @Test
    void shouldLeaveThePatternsToTheStoreWhenPuttingAGlobalSecretWithoutThem() throws Exception {
        store.on("POST", GLOBAL, 201, "{\"secret\":{\"key\":\"registry\",\"namespaces\":[\".*\"],\"created\":1}}");

        client.putGlobalSecret("registry", "pw", null, false);

        assertThat(MAPPER.readTree(store.requests().get(0).body()).has("namespaces")).isFalse();
    }

    @Test
    void shouldListGetRevealAndDeleteGlobalSecrets() {
        GoferStoreClient admin = GoferStoreClient.builder(store.url()).token(ADMIN_TOKEN).build();
        String registry = "{\"key\":\"registry\",\"namespaces\":[\".*\"],\"created\":1700000000000";
        store.on("GET", GLOBAL, 200, "{\"secrets\":[" + registry + "}]}");
        store.onSequence("GET", GLOBAL + "/registry", new FakeApi.Canned(200, "application/json",
                "{\"secret\":" + registry + "}}", false),
                new FakeApi.Canned(200, "application/json", "{\"secret\":" + registry + ",\"secret\":\"pw\"}}",
                        false));
        store.onStatuses("DELETE", GLOBAL + "/registry", 204);

        assertThat(admin.listGlobalSecrets()).containsExactly(new SecretInfo("registry", 1700000000000L,
                List.of(".*")));
        assertThat(admin.getGlobalSecret("registry").namespaces()).containsExactly(".*");
        assertThat(admin.revealGlobalSecret("registry").value()).isEqualTo("pw");
        admin.deleteGlobalSecret("registry");

        assertThat(store.requests()).extracting(r -> r.method() + " " + r.path() + " " + r.query() + " "
                + (r.header("Authorization") != null))
                .containsExactly("GET " + GLOBAL + " null true", "GET " + GLOBAL + "/registry null true",
                        "GET " + GLOBAL + "/registry include_secret=true true",
                        "DELETE " + GLOBAL + "/registry null true");
    }

    @Test
    void shouldThrowNotFoundWhenDeletingAnAbsentPipelineSecret() {
        store.onStatuses("DELETE", SECRETS + "/token", 204);
        store.on("DELETE", SECRETS + "/gone", 404, "application/problem+json",
                "{\"title\":\"Not Found\",\"status\":404,\"detail\":\"pipeline secret 'gone' not found\"}");

        client.deletePipelineSecret("default", "simple", "token");
        GoferApiException e = catchThrowableOfType(GoferApiException.class,
                () -> client.deletePipelineSecret("default", "simple", "gone"));

        assertThat(e.status()).isEqualTo(404);
        assertThat(store.requests()).extracting(FakeApi.Recorded::method).containsExactly("DELETE", "DELETE");
    }

    @Test
    void shouldNameTheUrlWhenTheStoreIsUnreachable() throws Exception {
        int freePort;
        try (ServerSocket socket = new ServerSocket(0)) {
            freePort = socket.getLocalPort();
        }
        GoferStoreClient nowhere = GoferStoreClient.create("http://127.0.0.1:" + freePort);

        assertThatThrownBy(() -> nowhere.listPipelineSecrets("default", "simple"))
                .isInstanceOf(GoferException.class)
                .isNotInstanceOf(GoferApiException.class)
                .hasMessageContaining("cannot reach the Gofer store at http://127.0.0.1:" + freePort);
    }

    @Test
    void shouldRejectAUrlWithoutHttpScheme() {
        assertThatThrownBy(() -> GoferStoreClient.create("localhost:8081"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the store URL must start with http://");
    }
}
