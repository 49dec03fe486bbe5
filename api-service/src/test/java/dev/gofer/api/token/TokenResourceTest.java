package dev.gofer.api.token;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.testsupport.GoferInfraResource;

/**
 * Tokens and roles through the API: the one-time bootstrap, tokens for users with namespaces and roles, the system
 * roles with Gofer's mistakes fixed, disabling, deleting, custom roles, and the audit events each leaves.
 */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class TokenResourceTest {

    private static String token(String user, List<String> namespaces, List<String> roles) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("user", user, "namespaces", namespaces, "roles", roles, "metadata", Map.of("team", "t")))
                .post("/api/tokens").then().statusCode(201).body("token.user", equalTo(user))
                .body("token.hash", nullValue()).extract().path("secret");
    }

    private static String idOf(String secret) {
        return given().header("Authorization", "Bearer " + secret).get("/api/tokens/whoami").then().statusCode(200)
                .extract().path("token.id");
    }

    private static String bearer(String secret) {
        return "Bearer " + secret;
    }

    @Test
    void shouldRefuseSecondBootstrapWhenOneWasMade() {
        AdminTokenForTests.admin();
        given().post("/api/tokens/bootstrap").then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("bootstrap token was made already"));
        given().header("Authorization", bearer(AdminTokenForTests.admin())).get("/api/tokens/whoami").then()
                .statusCode(200).body("token.kind", equalTo("bootstrap")).body("token.roles", hasItem("admin"));
    }

    @Test
    void shouldLetUserWorkInItsNamespacesOnlyWhenItHasTheUserRole() {
        String user = token("alice", List.of("default"), List.of("user"));

        given().header("Authorization", bearer(user)).get("/api/namespaces/default/pipelines").then()
                .statusCode(200);
        given().header("Authorization", bearer(user)).get("/api/namespaces").then().statusCode(200)
                .body("namespaces.id", equalTo(List.of("default")));
        given().header("Authorization", bearer(user)).get("/api/namespaces/other-ns/pipelines").then()
                .statusCode(403).contentType("application/problem+json")
                .body("detail", containsString("may not reach namespace 'other-ns'"));
        // Gofer's quirk fixed: a plain user may ask who it is.
        given().header("Authorization", bearer(user)).get("/api/tokens/whoami").then().statusCode(200)
                .body("token.user", equalTo("alice")).body("token.metadata.team", equalTo("t"));
        // Tokens and namespaces are the admin's.
        given().header("Authorization", bearer(user)).get("/api/tokens").then().statusCode(403);
        given().header("Authorization", bearer(user)).contentType(ContentType.JSON).body("{\"id\":\"by-alice\"}")
                .post("/api/namespaces").then().statusCode(403);
    }

    @Test
    void shouldRefuseViewerAnyChangeButLetItRead() {
        String viewer = token("victor", List.of("default"), List.of("viewer"));

        given().header("Authorization", bearer(viewer)).get("/api/namespaces/default/pipelines").then()
                .statusCode(200);
        // Cancelling needs runs: write (Gofer: read).
        given().header("Authorization", bearer(viewer)).delete("/api/namespaces/default/pipelines/p/runs/1").then()
                .statusCode(403).body("detail", containsString("lacks runs: write"));
        given().header("Authorization", bearer(viewer)).contentType(ContentType.JSON).body("{}")
                .post("/api/namespaces/default/pipelines/p/runs").then().statusCode(403);
        String user = token("uma", List.of("default"), List.of("user"));
        given().header("Authorization", bearer(user)).delete("/api/namespaces/default/pipelines/p/runs/1").then()
                .statusCode(404);
    }

    @Test
    void shouldRefuseTokenWithin401WhenDisabledAndAcceptItAgainWhenEnabled() {
        String user = token("dora", List.of("default"), List.of("viewer"));
        String id = idOf(user);

        given().contentType(ContentType.JSON).body("{\"disabled\":true}").patch("/api/tokens/" + id).then()
                .statusCode(200).body("token.disabled", equalTo(true));
        given().header("Authorization", bearer(user)).get("/api/namespaces").then().statusCode(401)
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", equalTo("token " + id + " is disabled"));

        given().contentType(ContentType.JSON).body("{\"disabled\":false}").patch("/api/tokens/" + id).then()
                .statusCode(200);
        given().header("Authorization", bearer(user)).get("/api/namespaces").then().statusCode(200);

        given().delete("/api/tokens/" + id).then().statusCode(204);
        given().header("Authorization", bearer(user)).get("/api/namespaces").then().statusCode(401)
                .body("detail", equalTo("unknown token"));
        given().get("/api/tokens/" + id).then().statusCode(404);
    }

    @Test
    void shouldRefuseTokenChangingItself() {
        String admin = token("ada", List.of(".*"), List.of("admin"));
        String id = idOf(admin);

        given().header("Authorization", bearer(admin)).contentType(ContentType.JSON).body("{\"disabled\":true}")
                .patch("/api/tokens/" + id).then().statusCode(409);
        given().header("Authorization", bearer(admin)).delete("/api/tokens/" + id).then().statusCode(409);
    }

    @Test
    void shouldNameEveryInvalidFieldWhenTokenRequestIsBad() {
        given().contentType(ContentType.JSON)
                .body("{\"user\":\"\",\"namespaces\":[\"(\"],\"roles\":[\"nope\",\"run\"],\"expires\":-1}")
                .post("/api/tokens").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("user", "namespaces[0]", "roles", "expires")))
                .body("errors[2].message", equalTo("no such role: nope, run"));
    }

    @Test
    void shouldListTokensWithoutSecretsOrHashes() {
        String secret = token("lister", List.of("default"), List.of("viewer"));

        String body = given().get("/api/tokens").then().statusCode(200).body("tokens.user", hasItem("lister"))
                .extract().asString();

        assertThat(body).doesNotContain(secret).doesNotContain("hash");
    }

    @Test
    void shouldGrantExactlyWhatCustomRoleListsWhenTokenHoldsIt() {
        given().contentType(ContentType.JSON).body("""
                {"id": "deployer", "description": "registers configs of deploy-* pipelines",
                 "permissions": [{"resources": ["configs", "pipelines:deploy-.*"], "actions": ["read", "write"]}]}
                """).post("/api/roles").then().statusCode(201).body("role.system_role", equalTo(false));
        String deployer = token("dee", List.of("default"), List.of("deployer"));

        given().header("Authorization", bearer(deployer)).get("/api/namespaces/default/pipelines/deploy-web").then()
                .statusCode(404);
        given().header("Authorization", bearer(deployer)).get("/api/namespaces/default/pipelines/other").then()
                .statusCode(403);
        // A targeted pattern never covers a list: it would show the other pipelines.
        given().header("Authorization", bearer(deployer)).get("/api/namespaces/default/pipelines").then()
                .statusCode(403);
        given().header("Authorization", bearer(deployer)).get("/api/namespaces/default/pipelines/x/configs").then()
                .statusCode(404);
        given().header("Authorization", bearer(deployer)).get("/api/namespaces/default/pipelines/x/runs").then()
                .statusCode(403).body("detail", containsString("lacks runs: read"));

        given().delete("/api/roles/deployer").then().statusCode(409).body("detail", containsString("held by 1"));
        given().delete("/api/roles/admin").then().statusCode(409);
        given().get("/api/roles").then().statusCode(200).body("roles.id", hasItem("viewer"))
                .body("roles.id", hasItem("deployer"));
    }

    @Test
    void shouldRefuseRoleWithUnknownResourceOrMisplacedReveal() {
        given().contentType(ContentType.JSON).body("""
                {"id": "bad-role", "permissions": [{"resources": ["widgets", "runs"], "actions": ["read", "reveal"]}]}
                """).post("/api/roles").then().statusCode(400)
                .body("errors.field", equalTo(List.of("permissions[0].resources[0]", "permissions[0].actions")))
                .body("errors[1].message", equalTo("reveal applies to secrets only"));
    }

    @Test
    void shouldPublishAuditEventsNamingTheTokenButNeverTheSecret() {
        Instant since = Instant.now().minusSeconds(1);
        String adminId = idOf(AdminTokenForTests.admin());
        String viewer = token("auditee", List.of("default"), List.of("viewer"));
        String viewerId = idOf(viewer);
        given().header("Authorization", bearer(viewer)).contentType(ContentType.JSON).body("{}")
                .post("/api/namespaces/default/pipelines/p/runs").then().statusCode(403);
        given().contentType(ContentType.JSON).body("{\"id\":\"doomed-ns\"}").post("/api/namespaces").then()
                .statusCode(201);
        given().delete("/api/namespaces/doomed-ns").then().statusCode(204);
        given().contentType(ContentType.JSON).body("{\"disabled\":true}").patch("/api/tokens/" + viewerId).then()
                .statusCode(200);

        String history = given().accept("text/event-stream").queryParam("follow", false)
                .queryParam("since", since.toString()).get("/api/events").then().statusCode(200).extract().asString();

        assertThat(history).contains("\"type\":\"token.created\"").contains("user: auditee");
        assertThat(history).contains("\"type\":\"permission.denied\"")
                .contains("POST /api/namespaces/default/pipelines/p/runs").contains("\"token_id\":\"" + viewerId);
        assertThat(history).contains("\"type\":\"namespace.deleted\"").contains("\"by_token_id\":\"" + adminId);
        assertThat(history).contains("\"type\":\"token.disabled\"");
        assertThat(history).doesNotContain(viewer).doesNotContain(AdminTokenForTests.admin());
        given().header("Authorization", bearer(viewer)).get("/api/tokens/whoami").then().statusCode(401)
                .body("detail", not(containsString(viewer)));
    }
}
