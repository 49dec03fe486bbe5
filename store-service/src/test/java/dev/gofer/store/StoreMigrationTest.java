package dev.gofer.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

import dev.gofer.testsupport.EmbeddedPostgresDb;

/** The schema migrations against a real PostgreSQL, from an older version up. */
class StoreMigrationTest {

    @Test
    void shouldMoveObjectBytesIntoChunkRowsWhenMigratingFromV1() throws Exception {
        String url = EmbeddedPostgresDb.shared()
                .createDatabase("store_migration_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12));
        flyway(url, "1").migrate();
        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresDb.USER, EmbeddedPostgresDb.PASSWORD);
                Statement s = c.createStatement()) {
            s.executeUpdate(
                    "INSERT INTO store.objects (namespace_id, pipeline_id, run_id, key, content, size, created) "
                            + "VALUES ('ns', 'p', 0, 'full', 'hello bytes'::bytea, 11, now()), "
                            + "('ns', 'p', 2, 'empty', ''::bytea, 0, now())");
        }

        flyway(url, "latest").migrate();

        try (Connection c = DriverManager.getConnection(url, EmbeddedPostgresDb.USER, EmbeddedPostgresDb.PASSWORD);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT o.key, o.size, ch.seq, ch.data FROM store.objects o "
                        + "LEFT JOIN store.object_chunks ch ON ch.object_id = o.id ORDER BY o.key")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("empty");
            assertThat(rs.getObject(3)).isNull();
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("full");
            assertThat(rs.getLong(2)).isEqualTo(11);
            assertThat(rs.getInt(3)).isZero();
            assertThat(new String(rs.getBytes(4), StandardCharsets.UTF_8)).isEqualTo("hello bytes");
            assertThat(rs.next()).isFalse();
        }
    }

    private static Flyway flyway(String url, String target) {
        return Flyway.configure().dataSource(url, EmbeddedPostgresDb.USER, EmbeddedPostgresDb.PASSWORD)
                .schemas("store").locations("classpath:db/migration").target(target).load();
    }
}
