package dev.gofer.store.object.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
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
class PipelineObjectResourceTest {

    /** {@code %test.gofer.store.max-object-bytes} in application.properties. */
    private static final int MAX_BYTES = 65536;

    private final String base = "/api/namespaces/default/pipelines/p-" + UUID.randomUUID().toString().substring(0, 8)
            + "/objects";

    @Test
    void shouldStoreListReturnAndDeleteBytesWhenObjectIsNew() {
        byte[] content = {0, 1, 2, (byte) 0xff, 'h', 'i'};

        given().contentType(ContentType.BINARY).body(content).post(base + "/bin").then().statusCode(201)
                .contentType(ContentType.JSON).body("object.key", equalTo("bin")).body("object.size", equalTo(6))
                .body("object.created", greaterThan(1_700_000_000_000L));

        given().get(base).then().statusCode(200).body("objects", hasSize(1)).body("objects[0].key", equalTo("bin"))
                .body("objects[0].size", equalTo(6));
        byte[] returned = given().get(base + "/bin").then().statusCode(200).contentType(ContentType.BINARY).extract()
                .asByteArray();
        assertThat(returned).isEqualTo(content);

        given().delete(base + "/bin").then().statusCode(204);
        given().get(base + "/bin").then().statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("pipeline object 'bin' not found"));
        given().delete(base + "/bin").then().statusCode(404);
    }

    @Test
    void shouldAnswer409WithoutForceAndReplaceWithForceWhenObjectExists() {
        given().contentType(ContentType.BINARY).body(bytes("first")).post(base + "/cfg").then().statusCode(201);

        given().contentType(ContentType.BINARY).body(bytes("second")).post(base + "/cfg").then().statusCode(409)
                .contentType("application/problem+json").body("type", equalTo("urn:gofer:problem:already-exists"))
                .body("detail", containsString("'cfg'"));
        given().contentType(ContentType.BINARY).body(bytes("second!")).queryParam("force", true).put(base + "/cfg")
                .then().statusCode(201).body("object.size", equalTo(7));

        assertThat(given().get(base + "/cfg").then().statusCode(200).extract().asByteArray())
                .isEqualTo(bytes("second!"));
    }

    @Test
    void shouldAnswer413ProblemWhenBodyExceedsTheCap() {
        given().contentType(ContentType.BINARY).body(new byte[MAX_BYTES + 1]).post(base + "/big").then()
                .statusCode(413).contentType("application/problem+json")
                .body("type", equalTo("urn:gofer:problem:payload-too-large")).body("status", equalTo(413));
        given().get(base + "/big").then().statusCode(404);

        given().contentType(ContentType.BINARY).body(new byte[MAX_BYTES]).post(base + "/big").then().statusCode(201)
                .body("object.size", equalTo(MAX_BYTES));
    }

    @Test
    void shouldAnswer400NamingTheFieldWhenKeyIsInvalid() {
        given().contentType(ContentType.BINARY).body(bytes("x")).post(base + "/bad$key").then().statusCode(400)
                .contentType("application/problem+json").body("detail", startsWith("key: must be"));
        given().get(base + "/" + "k".repeat(129)).then().statusCode(400).body("detail", startsWith("key: "));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
