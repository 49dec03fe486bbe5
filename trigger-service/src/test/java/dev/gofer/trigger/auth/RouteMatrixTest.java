package dev.gofer.trigger.auth;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.auth.RouteMatrix;
import dev.gofer.testsupport.auth.ServiceRoutes;

/**
 * Every route of trigger-service's OpenAPI document against every kind of token (see {@link RouteMatrix}), the tokens
 * published as api-service publishes them.
 */
@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "trigger"))
class RouteMatrixTest {

    @TestFactory
    Stream<DynamicTest> shouldRefuseEveryWrongTokenAndAcceptTheRightOneOnEveryRoute() {
        String openApi = given().queryParam("format", "json").get("/q/openapi").then().statusCode(200).extract()
                .asString();
        return RouteMatrix.tests(URI.create("http://localhost:" + RestAssured.port), openApi,
                ServiceRoutes.of("dev.gofer.trigger"), AdminTokenForTests.tokens());
    }
}
