package dev.gofer.api.token;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

import dev.gofer.support.auth.Permission;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.auth.RouteMatrix;
import dev.gofer.testsupport.auth.ServiceRoutes;

/** Every route of api-service's OpenAPI document against every kind of token (see {@link RouteMatrix}). */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "api"))
class RouteMatrixTest {

    @TestFactory
    Stream<DynamicTest> shouldRefuseEveryWrongTokenAndAcceptTheRightOneOnEveryRoute() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        return RouteMatrix.tests(URI.create("http://localhost:" + RestAssured.port), openApi,
                ServiceRoutes.of("dev.gofer.api"),
                new ApiTokens());
    }

    /** Tokens made through the API itself, as an admin would. */
    static final class ApiTokens implements RouteMatrix.Tokens {

        private final Map<String, String> made = new HashMap<>();
        private String expired;
        private String disabled;

        @Override
        public synchronized String grant(List<String> namespaces, List<Permission> permissions) {
            return made.computeIfAbsent(namespaces + " " + permissions, key -> {
                String role = "matrix-" + UUID.randomUUID().toString().substring(0, 8);
                given().contentType(ContentType.JSON)
                        .body(Map.of("id", role, "description", key, "permissions", permissions))
                        .post("/api/roles").then().statusCode(201);
                return create(namespaces, List.of(role), 0);
            });
        }

        @Override
        public String admin() {
            return AdminTokenForTests.admin();
        }

        @Override
        public synchronized String expired() {
            if (expired == null) {
                expired = create(List.of(".*"), List.of("admin"), 1);
                try {
                    Thread.sleep(1_100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return expired;
        }

        @Override
        public synchronized String disabled() {
            if (disabled == null) {
                String secret = create(List.of(".*"), List.of("admin"), 0);
                String id = given().header("Authorization", "Bearer " + secret).get("/api/tokens/whoami").then()
                        .statusCode(200).extract().path("token.id");
                given().contentType(ContentType.JSON).body(Map.of("disabled", true)).patch("/api/tokens/" + id)
                        .then().statusCode(200);
                disabled = secret;
            }
            return disabled;
        }

        private static String create(List<String> namespaces, List<String> roles, long expires) {
            return given().contentType(ContentType.JSON)
                    .body(Map.of("user", "matrix", "namespaces", namespaces, "roles", roles, "expires", expires))
                    .post("/api/tokens").then().statusCode(201).extract().path("secret");
        }
    }
}
