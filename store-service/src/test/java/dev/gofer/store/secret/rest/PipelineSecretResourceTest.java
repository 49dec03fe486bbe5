package dev.gofer.store.secret.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.events.EventCodec;
import dev.gofer.events.StoreChanged;
import dev.gofer.events.Topics;
import dev.gofer.store.auth.AdminTokenForTests;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Permission;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.KafkaTestClient;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "store"))
class PipelineSecretResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    /** {@code %test.gofer.store.admin-token}. */
    static final String ADMIN_TOKEN = GoferInfraResource.TEST_ADMIN_TOKEN;

    @Inject
    AgroalDataSource dataSource;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    private final String pipeline = "p-" + UUID.randomUUID().toString().substring(0, 8);
    private final String base = "/api/namespaces/default/pipelines/" + pipeline + "/secrets";

    @Test
    void shouldCreateListGetAndDeleteWhenSecretIsNew() {
        given().contentType(ContentType.JSON).body(Map.of("key", "token", "content", "hunter2-value"))
                .post(base).then().statusCode(201).contentType(ContentType.JSON)
                .header("Location", containsString(base + "/token")).body("secret.key", equalTo("token"))
                .body("secret.created", greaterThan(1_700_000_000_000L)).body(not(containsString("hunter2-value")));

        given().get(base).then().statusCode(200).body("secrets", hasSize(1)).body("secrets[0].key", equalTo("token"))
                .body(not(containsString("hunter2-value")));
        given().get(base + "/token").then().statusCode(200).body("secret.key", equalTo("token"))
                .body("secret.created", greaterThan(1_700_000_000_000L)).body(not(containsString("hunter2-value")));

        given().delete(base + "/token").then().statusCode(204);
        given().get(base + "/token").then().statusCode(404);
        given().get(base).then().statusCode(200).body("secrets", hasSize(0));
    }

    @Test
    void shouldAnswer409ProblemWhenKeyExistsAndForceIsFalse() {
        given().contentType(ContentType.JSON).body(Map.of("key", "dup", "content", "one")).post(base).then()
                .statusCode(201);

        given().contentType(ContentType.JSON).body(Map.of("key", "dup", "content", "two", "force", false))
                .post(base).then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:gofer:problem:already-exists")).body("title", equalTo("Already exists"))
                .body("status", equalTo(409)).body("detail", containsString("'dup'"))
                .body("instance", equalTo(base)).body(not(containsString("two")));
    }

    @Test
    void shouldReplaceValueWhenForceIsTrue() throws Exception {
        given().contentType(ContentType.JSON).body(Map.of("key", "rotating", "content", "old-value-123")).post(base)
                .then().statusCode(201);
        byte[] before = ciphertext("rotating");

        given().contentType(ContentType.JSON).body(Map.of("key", "rotating", "content", "new-value-456", "force", true))
                .post(base).then().statusCode(201).body("secret.key", equalTo("rotating"));

        assertThat(ciphertext("rotating")).isNotEqualTo(before);
        given().get(base).then().body("secrets", hasSize(1));
    }

    @Test
    void shouldAnswer404ProblemWhenSecretIsAbsent() {
        given().get(base + "/missing").then().statusCode(404).contentType(PROBLEM_JSON)
                .body("type", equalTo("urn:gofer:problem:not-found")).body("status", equalTo(404))
                .body("detail", containsString("'missing'")).body("instance", equalTo(base + "/missing"));
        given().delete(base + "/missing").then().statusCode(404).contentType(PROBLEM_JSON);
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenKeyIsInvalid() {
        given().contentType(ContentType.JSON).body(Map.of("key", "bad key!", "content", "v")).post(base).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("type", equalTo("urn:gofer:problem:invalid-request"))
                .body("status", equalTo(400)).body("detail", startsWith("key: must be 1-128 characters"));
        given().contentType(ContentType.JSON).body(Map.of("key", "k".repeat(129), "content", "v")).post(base).then()
                .statusCode(400).body("detail", startsWith("key: "));
        given().contentType(ContentType.JSON).body(Map.of("content", "v")).post(base).then().statusCode(400)
                .body("detail", equalTo("key: is required"));
        given().contentType(ContentType.JSON).body(Map.of("key", "ok")).post(base).then().statusCode(400)
                .body("detail", equalTo("content: is required"));
        given().get(base + "/bad$key").then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", startsWith("key: "));
    }

    @Test
    void shouldAnswer400WithoutEchoingTheBodyWhenJsonIsMalformed() {
        given().contentType(ContentType.JSON).body("{\"key\":\"k\",\"content\":\"leaky-secret").post(base).then()
                .statusCode(400).contentType(PROBLEM_JSON).body("status", equalTo(400))
                .body(not(containsString("leaky-secret")));
        given().contentType(ContentType.JSON).body("{\"key\":\"k\",\"content\":{\"nested\":\"leaky-secret\"}}")
                .post(base).then().statusCode(400).contentType(PROBLEM_JSON)
                .body("detail", containsString("content")).body(not(containsString("leaky-secret")));
    }

    @Test
    void shouldNeverStorePlaintextWhenSecretIsSaved() throws Exception {
        String plaintext = "plain-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("key", "db-check", "content", plaintext)).post(base)
                .then().statusCode(201);

        List<String> rows = new ArrayList<>();
        byte[] ciphertext;
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT t::text, t.ciphertext, t.nonce, t.key_version "
                        + "FROM store.pipeline_secrets t WHERE pipeline_id = ? AND key = ?")) {
            s.setString(1, pipeline);
            s.setString(2, "db-check");
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                rows.add(rs.getString(1));
                ciphertext = rs.getBytes(2);
                assertThat(rs.getBytes(3)).hasSize(12);
                assertThat(rs.getInt(4)).isEqualTo(1);
            }
        }
        String hex = HexFormat.of().formatHex(plaintext.getBytes(StandardCharsets.UTF_8));
        assertThat(rows.get(0)).doesNotContain(plaintext).doesNotContainIgnoringCase(hex);
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(plaintext);
        // AES-GCM: ciphertext is the plaintext length plus a 16-byte tag.
        assertThat(ciphertext).hasSize(plaintext.length() + 16);
    }

    @Test
    void shouldRevealValueOnlyToTokenAllowedToRevealIt() {
        String value = "reveal-me-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("key", "api", "content", value)).post(base).then()
                .statusCode(201);
        // Reads, writes and deletes secrets, as the user role does, but may not reveal them.
        String reader = "Bearer " + AdminTokenForTests.tokens().grant(List.of(".*"),
                List.of(new Permission(List.of("secrets"), List.of(Action.READ, Action.WRITE, Action.DELETE))));

        given().header("Authorization", reader).get(base + "/api").then().statusCode(200)
                .body("secret.key", equalTo("api")).body("secret", not(hasKey("secret")))
                .body(not(containsString(value)));
        given().header("Authorization", reader).queryParam("include_secret", true).get(base + "/api").then()
                .statusCode(403).contentType(PROBLEM_JSON).body("type", equalTo("urn:gofer:problem:forbidden"))
                .body("detail", endsWith("lacks secrets: reveal")).body(not(containsString(value)));
        given().queryParam("include_secret", true).header("Authorization", "Bearer wrong-token").get(base + "/api")
                .then().statusCode(401).contentType(PROBLEM_JSON).body(not(containsString(value)))
                .body(not(containsString("wrong-token")));
        given().queryParam("include_secret", true).header("Authorization", ADMIN_TOKEN).get(base + "/api").then()
                .statusCode(401);

        given().queryParam("include_secret", true).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .get(base + "/api").then().statusCode(200).body("secret.key", equalTo("api"))
                .body("secret.secret", equalTo(value)).body("secret.created", greaterThan(1_700_000_000_000L));
        given().queryParam("include_secret", true).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .get(base + "/absent").then().statusCode(404);
        // Refused before the key is looked up: a refusal does not tell whether it exists.
        given().header("Authorization", reader).queryParam("include_secret", true).get(base + "/absent").then()
                .statusCode(403);
        given().get(base).then().statusCode(200).body(not(containsString(value)));
    }

    @Test
    void shouldPublishSecretEventsWithoutTheValueWhenSecretIsStoredAndDeleted() {
        String value = "event-check-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("key", "evt", "content", value)).post(base).then()
                .statusCode(201);
        given().delete(base + "/evt").then().statusCode(204);

        List<ConsumerRecord<String, byte[]>> records = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500)).until(() -> eventsOfPipeline(), r -> r.size() >= 2);
        assertThat(records).extracting(r -> (Object) EventCodec.decode(r.value()).payload()).containsExactly(
                new StoreChanged(StoreChanged.SECRET_STORED, "default", pipeline, null, "evt", List.of()),
                new StoreChanged(StoreChanged.SECRET_DELETED, "default", pipeline, null, "evt", List.of()));
        assertThat(records).allSatisfy(
                r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).doesNotContain(value));
    }

    private List<ConsumerRecord<String, byte[]>> eventsOfPipeline() {
        return new KafkaTestClient(bootstrapServers).readAll(Topics.EVENTS, Duration.ofSeconds(10)).stream()
                .filter(r -> ("default/" + pipeline).equals(r.key())).toList();
    }

    private byte[] ciphertext(String key) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT ciphertext FROM store.pipeline_secrets WHERE pipeline_id = ? AND key = ?")) {
            s.setString(1, pipeline);
            s.setString(2, key);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }
}
