package dev.gofer.store.run.messaging;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasSize;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

import dev.gofer.events.Envelope;
import dev.gofer.events.EventCodec;
import dev.gofer.events.EventHeaders;
import dev.gofer.events.NamespaceChanged;
import dev.gofer.events.RunChanged;
import dev.gofer.events.StoreChanged;
import dev.gofer.events.Topics;
import dev.gofer.testsupport.GoferInfraResource;
import dev.gofer.testsupport.KafkaTestClient;

@QuarkusTest
@WithTestResource(value = GoferInfraResource.class, initArgs = @ResourceArg(name = "database", value = "store"))
class RunEventsConsumerTest {

    private static final Duration WAIT = Duration.ofSeconds(60);
    /** {@code %test.gofer.store.run-object-expiry}. */
    private static final int EXPIRY = 3;

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;

    @Inject
    AgroalDataSource dataSource;

    private KafkaTestClient kafka;
    private final String id = UUID.randomUUID().toString().substring(0, 8);
    private final String namespace = "ns-" + id;
    private final String pipeline = "p-" + id;
    private final String runs = "/api/namespaces/" + namespace + "/pipelines/" + pipeline + "/runs/";

    @BeforeEach
    void setUp() {
        kafka = new KafkaTestClient(bootstrapServers);
    }

    @Test
    void shouldExpireObjectsOfCompleteRunAndPublishEventWhenEnoughNewerRunsExist() throws Exception {
        putObject(1, "artifact", "built by run 1");
        putObject(1, "coverage", "91%");
        putObject(2, "artifact", "built by run 2");
        putObject(3, "artifact", "built by run 3");

        // Run 1 complete; run 2 complete but only 2 newer runs; run 3 never completes.
        publish(RunChanged.QUEUED, 1);
        publish(RunChanged.COMPLETED, 1);
        publish(RunChanged.QUEUED, 2);
        publish(RunChanged.COMPLETED, 2);
        for (long run = 3; run <= 1 + EXPIRY; run++) {
            publish(RunChanged.QUEUED, run);
        }
        // A redelivered event changes nothing.
        publish(RunChanged.COMPLETED, 1);

        StoreChanged expired = awaitExpired(1);
        assertThat(expired).isEqualTo(new StoreChanged(StoreChanged.RUN_OBJECTS_EXPIRED, namespace, pipeline, 1L,
                null, List.of("artifact", "coverage")));
        given().get(runs + "1/objects").then().statusCode(200).body("objects", hasSize(0));
        await().atMost(WAIT).until(() -> isKnownComplete(2));
        given().get(runs + "2/objects").then().statusCode(200).body("objects", hasSize(1));
        given().get(runs + "3/objects").then().statusCode(200).body("objects", hasSize(1));

        // Three runs newer than run 2, and run 3 completes: run 2 expires, run 3 (one newer run) does not.
        publish(RunChanged.QUEUED, 2 + EXPIRY);
        publish(RunChanged.COMPLETED, 3);

        assertThat(awaitExpired(2).keys()).containsExactly("artifact");
        await().atMost(WAIT).until(() -> isKnownComplete(3));
        given().get(runs + "3/objects").then().statusCode(200).body("objects", hasSize(1));
        assertThat(expiredEvents()).extracting(StoreChanged::runId).containsExactlyInAnyOrder(1L, 2L);
        // Expired runs older than every unexpired run are forgotten.
        assertThat(knownRuns()).doesNotContain(1L, 2L).contains(3L, 4L, 5L);
    }

    @Test
    void shouldSkipOtherKindsAndDeadLetterOnlyMalformedRecordsWhenEventsTopicCarriesThem() {
        // Same record key for all, so they share a partition and are consumed in this order.
        String key = "mixed-" + id;
        Envelope<NamespaceChanged> other = Envelope.of(key, new NamespaceChanged(NamespaceChanged.CREATED, "x"));
        kafka.send(Topics.EVENTS, key, EventCodec.encode(other), Map.of(EventHeaders.EVENT_TYPE, other.type()));
        kafka.send(Topics.EVENTS, key, ("{\"event_id\":\"f-1\",\"type\":\"from.the-future\",\"version\":7,"
                + "\"payload\":{}}").getBytes(StandardCharsets.UTF_8), Map.of());
        kafka.send(Topics.EVENTS, key, "{not json".getBytes(StandardCharsets.UTF_8), Map.of());
        kafka.send(Topics.EVENTS, key, EventCodec.encode(Envelope.of(key,
                new RunChanged(RunChanged.QUEUED, namespace, pipeline, 7, "pending", "unknown", null))), Map.of());

        await().atMost(WAIT).until(() -> knownRuns().contains(7L));
        List<ConsumerRecord<String, byte[]>> dead = kafka.readAll(Topics.dlq(Topics.EVENTS), Duration.ofSeconds(10))
                .stream().filter(r -> key.equals(r.key())).toList();
        assertThat(dead).hasSize(1);
        assertThat(new String(dead.get(0).value(), StandardCharsets.UTF_8)).isEqualTo("{not json");
        assertThat(EventHeaders.read(dead.get(0).headers(), "dead-letter-reason")).contains("malformed JSON");
    }

    private void putObject(long run, String key, String content) {
        given().contentType(ContentType.BINARY).body(content.getBytes(StandardCharsets.UTF_8))
                .post(runs + run + "/objects/" + key).then().statusCode(201);
    }

    private void publish(String kind, long run) {
        RunChanged event = new RunChanged(kind, namespace, pipeline, run,
                RunChanged.COMPLETED.equals(kind) ? "complete" : "pending",
                RunChanged.COMPLETED.equals(kind) ? "successful" : "unknown", null);
        Envelope<RunChanged> envelope = Envelope.of(event.aggregateKey(), event);
        kafka.send(Topics.EVENTS, envelope.key(), EventCodec.encode(envelope),
                Map.of(EventHeaders.EVENT_ID, envelope.eventId(), EventHeaders.EVENT_TYPE, envelope.type(),
                        EventHeaders.EVENT_VERSION, Integer.toString(envelope.version())));
    }

    private StoreChanged awaitExpired(long run) {
        return await().atMost(WAIT).pollInterval(Duration.ofMillis(500))
                .until(() -> expiredEvents().stream().filter(e -> e.runId() == run).findFirst(), Optional::isPresent)
                .orElseThrow();
    }

    private List<StoreChanged> expiredEvents() {
        return kafka.readAll(Topics.EVENTS, Duration.ofSeconds(10)).stream()
                .filter(r -> StoreChanged.RUN_OBJECTS_EXPIRED
                        .equals(EventHeaders.read(r.headers(), EventHeaders.EVENT_TYPE)))
                .map(r -> (StoreChanged) EventCodec.decode(r.value()).payload())
                .filter(e -> e.namespaceId().equals(namespace) && e.pipelineId().equals(pipeline)).toList();
    }

    private boolean isKnownComplete(long run) throws Exception {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT completed FROM store.known_runs "
                        + "WHERE namespace_id = ? AND pipeline_id = ? AND run_id = ?")) {
            s.setString(1, namespace);
            s.setString(2, pipeline);
            s.setLong(3, run);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
    }

    private List<Long> knownRuns() throws Exception {
        List<Long> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT run_id FROM store.known_runs "
                        + "WHERE namespace_id = ? AND pipeline_id = ? ORDER BY run_id")) {
            s.setString(1, namespace);
            s.setString(2, pipeline);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getLong(1));
                }
            }
        }
        return out;
    }
}
