package dev.gofer.store.secret.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.store.auth.AdminTokenForTests;
import dev.gofer.support.auth.Action;
import dev.gofer.support.auth.Permission;
import dev.gofer.testsupport.GoferInfraResource;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "store"))
class GlobalSecretResourceTest {

    private static final String BASE = "/api/secrets/global";
    /** {@code %test.gofer.store.admin-token}. */
    private static final String ADMIN_TOKEN = GoferInfraResource.TEST_ADMIN_TOKEN;

    private final String key = "g-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void shouldCreateWithDefaultNamespacesAndDeleteWhenNoPatternsAreGiven() {
        given().contentType(ContentType.JSON).body(Map.of("key", key, "content", "global-value-1")).post(BASE)
                .then().statusCode(201).body("secret.key", equalTo(key))
                .body("secret.namespaces", equalTo(List.of(".*"))).body("secret.created", notNullValue())
                .body(not(containsString("global-value-1")));

        given().get(BASE).then().statusCode(200).body("secrets.key", hasItem(key))
                .body(not(containsString("global-value-1")));
        given().get(BASE + "/" + key).then().statusCode(200).body("secret.namespaces", equalTo(List.of(".*")));

        given().delete(BASE + "/" + key).then().statusCode(204);
        given().get(BASE + "/" + key).then().statusCode(404).contentType("application/problem+json");
        given().delete(BASE + "/" + key).then().statusCode(404);
    }

    @Test
    void shouldKeepGivenPatternsAndRefuseDuplicateWhenForceIsFalse() {
        given().contentType(ContentType.JSON)
                .body(Map.of("key", key, "content", "v", "namespaces", List.of("team-.*", "ops"))).post(BASE).then()
                .statusCode(201).body("secret.namespaces", equalTo(List.of("team-.*", "ops")));

        given().contentType(ContentType.JSON).body(Map.of("key", key, "content", "v2")).post(BASE).then()
                .statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("urn:gofer:problem:already-exists"));
        given().contentType(ContentType.JSON).body(Map.of("key", key, "content", "v2", "force", true)).post(BASE)
                .then().statusCode(201).body("secret.namespaces", equalTo(List.of(".*")));
    }

    @Test
    void shouldAnswer400NamingTheEntryWhenPatternIsInvalid() {
        given().contentType(ContentType.JSON)
                .body(Map.of("key", key, "content", "v", "namespaces", List.of("ok", "broken-(")))
                .post(BASE).then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("namespaces[1]: not a valid regular expression"));
        given().get(BASE + "/" + key).then().statusCode(404);
    }

    @Test
    void shouldRevealGlobalValueOnlyWhenRequestCarriesAnAdminToken() {
        String value = "global-reveal-" + UUID.randomUUID();
        given().contentType(ContentType.JSON).body(Map.of("key", key, "content", value, "namespaces", List.of("ops")))
                .post(BASE).then().statusCode(201);
        String nonAdmin = "Bearer " + AdminTokenForTests.tokens().grant(List.of(".*"),
                List.of(new Permission(List.of(Permission.ALL), List.of(Action.values()))));

        given().header("Authorization", nonAdmin).queryParam("include_secret", true).get(BASE + "/" + key).then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", equalTo("only an admin token may read secrets")).body(not(containsString(value)));
        given().queryParam("include_secret", true).header("Authorization", "Bearer not-the-token")
                .get(BASE + "/" + key).then().statusCode(401).body(not(containsString(value)));
        given().queryParam("include_secret", false).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .get(BASE + "/" + key).then().statusCode(200).body(not(containsString(value)));

        given().queryParam("include_secret", true).header("Authorization", "Bearer " + ADMIN_TOKEN)
                .get(BASE + "/" + key).then().statusCode(200).body("secret.key", equalTo(key))
                .body("secret.namespaces", equalTo(List.of("ops"))).body("secret.secret", equalTo(value));
    }
}
