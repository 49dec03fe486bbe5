package dev.gofer.trigger.interval.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;

import dev.gofer.events.Initiator;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.trigger.RunRequestsOnKafka;
import dev.gofer.trigger.RunRequestsOnKafka.Published;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "trigger"))
class IntervalFiringTest {

    private static final String NS = "default";
    private static final Duration AT_MOST = Duration.ofSeconds(30);

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    DataSource dataSource;

    private RunRequestsOnKafka kafka;
    private String pipeline;

    @BeforeEach
    void setUp() {
        kafka = new RunRequestsOnKafka(bootstrapServers);
        pipeline = "p-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void shouldPublishRunRequestsEveryIntervalWhenSubscribed() {
        JsonPath created = subscribe("every-second", "1s", Map.of("K", "V"));
        long firstDue = created.getLong("subscription.next_fire_at");
        assertThat(firstDue).isEqualTo(created.getLong("subscription.created") + 1000);

        List<Published> fired = await().atMost(AT_MOST).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.forPipeline(NS, pipeline), list -> list.size() >= 2);

        String idPrefix = "interval:" + NS + "/" + pipeline + "/every-second:";
        assertThat(fired).allSatisfy(p -> {
            assertThat(p.key()).isEqualTo(NS + "/" + pipeline);
            assertThat(p.headerEventId()).isEqualTo(p.eventId());
            assertThat(p.eventId()).startsWith(idPrefix);
            assertThat(p.request().namespaceId()).isEqualTo(NS);
            assertThat(p.request().pipelineId()).isEqualTo(pipeline);
            assertThat(p.request().variables()).containsExactly(Map.entry("K", "V"));
            assertThat(p.request().initiator()).isEqualTo(new Initiator("trigger", "interval/every-second"));
        });
        List<Long> dueTimes = fired.stream().map(p -> Long.parseLong(p.eventId().substring(idPrefix.length())))
                .toList();
        assertThat(dueTimes).doesNotHaveDuplicates().isSorted();
        assertThat(dueTimes.get(0)).isEqualTo(firstDue);
        assertThat(dueTimes).allSatisfy(due -> assertThat((due - firstDue) % 1000).isZero());
        given().when().delete(path() + "/interval/every-second").then().statusCode(204);
    }

    @Test
    void shouldStopPublishingWhenSubscriptionIsDeleted() {
        subscribe("short-lived", "1s", Map.of());
        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.forPipeline(NS, pipeline).size() >= 1);

        given().when().delete(path() + "/interval/short-lived").then().statusCode(204);
        int afterDelete = kafka.forPipeline(NS, pipeline).size();

        await().during(Duration.ofSeconds(4)).atMost(AT_MOST).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.forPipeline(NS, pipeline).size() == afterDelete);
    }

    @Test
    void shouldSkipSubscriptionWhenAnotherInstanceHoldsItsRow() throws Exception {
        subscribe("held", "1s", Map.of());
        subscribe("free", "1s", Map.of());

        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement lock = other.prepareStatement(
                    "SELECT id FROM trigger.subscriptions WHERE pipeline_id = ? AND subscription_id = 'held' FOR UPDATE")) {
                lock.setString(1, pipeline);
                try (ResultSet rs = lock.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                }
            }

            await().atMost(AT_MOST).pollInterval(Duration.ofMillis(500))
                    .until(() -> kafka.forSubscription(NS, pipeline, "free").size() >= 2);
            assertThat(kafka.forSubscription(NS, pipeline, "held")).isEmpty();

            other.rollback();
        }

        await().atMost(AT_MOST).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.forSubscription(NS, pipeline, "held").size() >= 1);
        given().when().delete(path() + "/interval/held").then().statusCode(204);
        given().when().delete(path() + "/interval/free").then().statusCode(204);
    }

    @Test
    void shouldFireOnceAndSkipMissedFiresWhenOverdue() throws Exception {
        subscribe("hourly", "1h", Map.of());
        Instant overdue = Instant.ofEpochMilli(System.currentTimeMillis()).minus(Duration.ofHours(5));
        try (Connection c = dataSource.getConnection();
                PreparedStatement update = c.prepareStatement(
                        "UPDATE trigger.subscriptions SET next_fire_at = ? WHERE pipeline_id = ? AND subscription_id = 'hourly'")) {
            update.setTimestamp(1, Timestamp.from(overdue));
            update.setString(2, pipeline);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        List<Published> fired = await().atMost(AT_MOST).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.forPipeline(NS, pipeline), list -> !list.isEmpty());
        assertThat(fired).extracting(Published::eventId)
                .containsExactly("interval:" + NS + "/" + pipeline + "/hourly:" + overdue.toEpochMilli());

        JsonPath after = given().when().get(path() + "/interval/hourly").then().statusCode(200).extract().jsonPath();
        assertThat(after.getLong("subscription.next_fire_at"))
                .isEqualTo(overdue.plus(Duration.ofHours(6)).toEpochMilli());
        assertThat(after.getLong("subscription.fire_count")).isEqualTo(1);
        assertThat(after.getLong("subscription.last_fired_at")).isGreaterThan(overdue.toEpochMilli());
        await().during(Duration.ofSeconds(3)).atMost(AT_MOST).pollInterval(Duration.ofMillis(500))
                .until(() -> kafka.forPipeline(NS, pipeline).size() == 1);
    }

    private JsonPath subscribe(String id, String every, Map<String, String> variables) {
        return given().contentType(ContentType.JSON)
                .body(Map.of("trigger", "interval", "subscription_id", id, "settings", Map.of("every", every),
                        "variables", variables))
                .when().post(path())
                .then().statusCode(201).extract().jsonPath();
    }

    private String path() {
        return "/api/namespaces/" + NS + "/pipelines/" + pipeline + "/subscriptions";
    }
}
