package dev.gofer.store.object.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import java.nio.charset.StandardCharsets;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.testsupport.GoferInfraResource;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "store"))
class RunObjectResourceTest {

    private final String pipeline = "/api/namespaces/default/pipelines/p-" + UUID.randomUUID().toString().substring(0,
            8);

    @Test
    void shouldKeepObjectsOfEachRunApartWhenKeysAreEqual() {
        given().contentType(ContentType.BINARY).body(bytes("run one")).post(pipeline + "/runs/1/objects/out").then()
                .statusCode(201).body("object.size", equalTo(7));
        given().contentType(ContentType.BINARY).body(bytes("run two!")).put(pipeline + "/runs/2/objects/out").then()
                .statusCode(201).body("object.size", equalTo(8));

        assertThat(given().get(pipeline + "/runs/1/objects/out").then().statusCode(200).extract().asByteArray())
                .isEqualTo(bytes("run one"));
        given().get(pipeline + "/runs/2/objects").then().statusCode(200).body("objects", hasSize(1))
                .body("objects[0].size", equalTo(8));
        given().get(pipeline + "/objects").then().statusCode(200).body("objects", hasSize(0));

        given().delete(pipeline + "/runs/1/objects/out").then().statusCode(204);
        given().get(pipeline + "/runs/1/objects/out").then().statusCode(404);
        given().get(pipeline + "/runs/2/objects/out").then().statusCode(200);
    }

    @Test
    void shouldAnswer409WhenRunObjectExistsAndForceIsFalse() {
        given().contentType(ContentType.BINARY).body(bytes("a")).post(pipeline + "/runs/3/objects/k").then()
                .statusCode(201);
        given().contentType(ContentType.BINARY).body(bytes("b")).post(pipeline + "/runs/3/objects/k").then()
                .statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldAnswer400WhenRunIdIsNotPositive() {
        given().get(pipeline + "/runs/0/objects").then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("run_id: must be >= 1"));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
