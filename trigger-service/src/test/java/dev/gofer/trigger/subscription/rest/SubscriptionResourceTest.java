package dev.gofer.trigger.subscription.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.assertj.core.data.Offset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.gofer.testsupport.GoferInfraResource;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "trigger"))
class SubscriptionResourceTest {

    private static final String PROBLEM_JSON = "application/problem+json";

    private String pipeline;

    @BeforeEach
    void setUp() {
        pipeline = "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldCreateActiveSubscriptionWhenRequestIsValid() {
        JsonPath body = given().contentType(ContentType.JSON)
                .body("""
                        {"trigger":"interval","subscription_id":"every-five","settings":{"every":"5m"},
                         "variables":{"K":"V"}}""")
                .when().post(path())
                .then().statusCode(201)
                .contentType(ContentType.JSON)
                .header("Location", endsWith(path() + "/interval/every-five"))
                .extract().jsonPath();

        assertThat(body.getString("subscription.namespace_id")).isEqualTo("default");
        assertThat(body.getString("subscription.pipeline_id")).isEqualTo(pipeline);
        assertThat(body.getString("subscription.trigger")).isEqualTo("interval");
        assertThat(body.getString("subscription.subscription_id")).isEqualTo("every-five");
        assertThat(body.getMap("subscription.settings")).containsExactly(Map.entry("every", "5m"));
        assertThat(body.getMap("subscription.variables")).containsExactly(Map.entry("K", "V"));
        assertThat(body.getString("subscription.status")).isEqualTo("active");
        long created = body.getLong("subscription.created");
        assertThat(created).isCloseTo(System.currentTimeMillis(), Offset.offset(60_000L));
        assertThat(body.getLong("subscription.next_fire_at")).isEqualTo(created + 5 * 60_000);
        assertThat(body.getLong("subscription.last_fired_at")).isZero();
        assertThat(body.getLong("subscription.fire_count")).isZero();
    }

    @Test
    void shouldAcceptIso8601AndCompoundDurationsWhenCreating() {
        JsonPath iso = create("iso-two", "PT2H");
        JsonPath compound = create("ninety", "1h30m");

        assertThat(iso.getLong("subscription.next_fire_at") - iso.getLong("subscription.created"))
                .isEqualTo(2 * 3_600_000L);
        assertThat(iso.getString("subscription.settings.every")).isEqualTo("PT2H");
        assertThat(compound.getLong("subscription.next_fire_at") - compound.getLong("subscription.created"))
                .isEqualTo(90 * 60_000L);
        assertThat(compound.getString("subscription.settings.every")).isEqualTo("1h30m");
    }

    @Test
    void shouldListAndGetSubscriptionsWhenCreated() {
        create("b-second", "2h");
        create("a-first", "1h");

        List<String> ids = given().when().get(path())
                .then().statusCode(200).contentType(ContentType.JSON)
                .extract().jsonPath().getList("subscriptions.subscription_id", String.class);
        JsonPath one = given().when().get(path() + "/interval/b-second")
                .then().statusCode(200).extract().jsonPath();

        assertThat(ids).containsExactly("a-first", "b-second");
        assertThat(one.getString("subscription.subscription_id")).isEqualTo("b-second");
        assertThat(one.getString("subscription.settings.every")).isEqualTo("2h");
        assertThat(one.getString("subscription.status")).isEqualTo("active");
    }

    @Test
    void shouldListNothingWhenPipelineHasNoSubscriptions() {
        given().when().get(path())
                .then().statusCode(200).body("subscriptions.size()", equalTo(0));
    }

    @Test
    void shouldReturnConflictProblemWhenSubscriptionExists() {
        create("twice", "1h");

        given().contentType(ContentType.JSON)
                .body(Map.of("trigger", "interval", "subscription_id", "twice", "settings", Map.of("every", "2h")))
                .when().post(path())
                .then().statusCode(409)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(409))
                .body("title", equalTo("Conflict"))
                .body("type", equalTo("urn:gofer:problem:conflict"))
                .body("detail", containsString("interval/twice"))
                .body("instance", equalTo(path()));
        given().when().get(path() + "/interval/twice")
                .then().statusCode(200).body("subscription.settings.every", equalTo("1h"));
    }

    @Test
    void shouldDeleteSubscriptionWhenPresentAndReturnNotFoundAfterwards() {
        create("doomed", "1h");

        given().when().delete(path() + "/interval/doomed").then().statusCode(204);

        given().when().get(path() + "/interval/doomed")
                .then().statusCode(404).contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(404))
                .body("detail", containsString("interval/doomed"));
        given().when().delete(path() + "/interval/doomed")
                .then().statusCode(404).contentType(startsWith(PROBLEM_JSON));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            id too short          | {"trigger":"interval","subscription_id":"ab","settings":{"every":"1m"}}                       | subscription_id
            id too long           | {"trigger":"interval","subscription_id":"abcdefghijabcdefghijabcdefghij123","settings":{"every":"1m"}} | subscription_id
            id with a space       | {"trigger":"interval","subscription_id":"has space","settings":{"every":"1m"}}                | subscription_id
            id with a dot         | {"trigger":"interval","subscription_id":"a.b.c","settings":{"every":"1m"}}                    | subscription_id
            id missing            | {"trigger":"interval","settings":{"every":"1m"}}                                              | subscription_id
            trigger unknown       | {"trigger":"sometimes","subscription_id":"valid-id","settings":{"every":"1m"}}                | trigger
            trigger missing       | {"subscription_id":"valid-id","settings":{"every":"1m"}}                                      | trigger
            every below minimum   | {"trigger":"interval","subscription_id":"valid-id","settings":{"every":"500ms"}}              | settings.every
            every negative        | {"trigger":"interval","subscription_id":"valid-id","settings":{"every":"PT-5M"}}              | settings.every
            every unparsable      | {"trigger":"interval","subscription_id":"valid-id","settings":{"every":"soon"}}               | settings.every
            every without unit    | {"trigger":"interval","subscription_id":"valid-id","settings":{"every":"5"}}                  | settings.every
            every missing         | {"trigger":"interval","subscription_id":"valid-id"}                                           | settings.every
            unknown setting       | {"trigger":"interval","subscription_id":"valid-id","settings":{"every":"1m","jitter":"5s"}}   | settings.jitter
            variable not a string | {"trigger":"interval","subscription_id":"valid-id","settings":{"every":"1m"},"variables":{"K":{"a":1}}} | variables.K
            variable key blank    | {"trigger":"interval","subscription_id":"valid-id","settings":{"every":"1m"},"variables":{" ":"v"}} | variables
            """)
    void shouldReturnBadRequestProblemNamingFieldWhenInvalid(String name, String json, String field) {
        String detail = given().contentType(ContentType.JSON).body(json)
                .when().post(path())
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("type", equalTo("urn:gofer:problem:invalid-request"))
                .body("title", equalTo("Invalid request"))
                .body("status", equalTo(400))
                .body("instance", equalTo(path()))
                .body("detail", not(containsString("Exception")))
                .body("detail", not(containsString("java.")))
                .extract().jsonPath().getString("detail");

        assertThat(detail).startsWith(field + ": ");
        given().when().get(path()).then().statusCode(200).body("subscriptions.size()", equalTo(0));
    }

    @Test
    void shouldNameMinimumWhenEveryIsTooShort() {
        given().contentType(ContentType.JSON)
                .body(Map.of("trigger", "interval", "subscription_id", "too-fast", "settings",
                        Map.of("every", "100ms")))
                .when().post(path())
                .then().statusCode(400)
                .body("detail", equalTo("settings.every: must be at least 1s (got '100ms')"));
    }

    @Test
    void shouldReturnBadRequestProblemNamingPathParameterWhenNamespaceIdIsInvalid() {
        given().contentType(ContentType.JSON)
                .body(Map.of("trigger", "interval", "subscription_id", "valid-id", "settings", Map.of("every", "1h")))
                .when().post("/api/namespaces/ns/pipelines/" + pipeline + "/subscriptions")
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("detail", startsWith("namespace_id: "));
    }

    @Test
    void shouldReturnBadRequestProblemWhenBodyIsNotJson() {
        given().contentType(ContentType.JSON).body("{\"trigger\": \"interval\", ")
                .when().post(path())
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("detail", equalTo("body: is not valid JSON"));
    }

    @Test
    void shouldReturnBadRequestProblemWhenBodyIsMissing() {
        given().contentType(ContentType.JSON)
                .when().post(path())
                .then().statusCode(400)
                .contentType(startsWith(PROBLEM_JSON))
                .body("detail", startsWith("body: "));
    }

    @Test
    void shouldReturnNotFoundProblemWhenRouteIsUnknown() {
        given().when().get("/api/no-such-thing")
                .then().statusCode(404)
                .contentType(startsWith(PROBLEM_JSON))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/no-such-thing"));
    }

    private JsonPath create(String id, String every) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("trigger", "interval", "subscription_id", id, "settings", Map.of("every", every)))
                .when().post(path())
                .then().statusCode(201).extract().jsonPath();
    }

    private String path() {
        return "/api/namespaces/default/pipelines/" + pipeline + "/subscriptions";
    }
}
