package dev.gofer.testsupport;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

import dev.gofer.testsupport.auth.PublishedGrants;

/**
 * Quarkus test resource: a real Kafka broker and a real PostgreSQL database for the service under test. Use with
 * {@code @WithTestResource(GoferInfraResource.class)}; the database is named after the init arg {@code database}
 * (default {@code gofer}). Also sets a fixed transit key so store and scheduler tests agree.
 */
public class GoferInfraResource implements QuarkusTestResourceLifecycleManager {

    /** A test-only transit key (base64 of 32 bytes). Never used outside tests. */
    public static final String TEST_TRANSIT_KEY = "dGVzdC10cmFuc2l0LWtleS0wMTIzNDU2Nzg5YWJjZGU=";

    /**
     * A test-only admin token: its grant is published on {@code gofer.tokens} before the service starts, so services
     * that check tokens from the published grants (store, trigger) accept it. Never used outside tests.
     */
    public static final String TEST_ADMIN_TOKEN = "test-only-admin-token-0123456789ab";

    private String database = "gofer";

    @Override
    public void init(Map<String, String> initArgs) {
        database = initArgs.getOrDefault("database", database);
    }

    @Override
    public Map<String, String> start() {
        EmbeddedKafka kafka = EmbeddedKafka.shared();
        EmbeddedPostgresDb pg = EmbeddedPostgresDb.shared();
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("quarkus.datasource.jdbc.url", pg.createDatabase(database));
        config.put("quarkus.datasource.username", EmbeddedPostgresDb.USER);
        config.put("quarkus.datasource.password", EmbeddedPostgresDb.PASSWORD);
        config.put("gofer.transit-key", TEST_TRANSIT_KEY);
        PublishedGrants.publish(kafka.bootstrapServers(), PublishedGrants.admin("test-admin", TEST_ADMIN_TOKEN));
        return config;
    }

    @Override
    public void stop() {
        // Shared for the whole JVM; stopped by shutdown hooks.
    }
}
