package dev.gofer.store.secret.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

import dev.gofer.testsupport.EmbeddedPostgresDb;

/**
 * The startup key check and rotation against a real PostgreSQL database migrated by the service's own Flyway scripts,
 * one fresh database per test. Each {@code new KeyRotation(...).run()} is what a service start with that key
 * configuration does, so a restart with rotated keys needs no second Quarkus boot.
 */
class KeyRotationTest {

    private static final byte[] K1 = "key-one-0123456789abcdefghijklmn".getBytes(StandardCharsets.UTF_8);
    private static final byte[] K2 = "KEY-TWO-ZYXWVUTSRQPONMLKJIHGFEDC".getBytes(StandardCharsets.UTF_8);
    private static final byte[] WRONG = "wrong-key-!@#$%^&*()_+=~qwertyui".getBytes(StandardCharsets.UTF_8);

    private PGSimpleDataSource dataSource;

    @BeforeEach
    void freshDatabase() {
        String name = "store_keys_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String url = EmbeddedPostgresDb.shared().createDatabase(name);
        Flyway.configure().dataSource(url, EmbeddedPostgresDb.USER, EmbeddedPostgresDb.PASSWORD).schemas("store")
                .locations("classpath:db/migration").load().migrate();
        dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(EmbeddedPostgresDb.USER);
        dataSource.setPassword(EmbeddedPostgresDb.PASSWORD);
    }

    @Test
    void shouldReencryptEveryRowUnderTheNewVersionWhenRestartedWithRotatedKeys() throws Exception {
        SecretCipher v1 = new SecretCipher(1, Map.of(1, K1));
        assertThat(start(v1)).isZero();
        for (int i = 0; i < 5; i++) {
            insertPipelineSecret(v1, "ns", "p", "key-" + i, "value-" + i);
        }
        insertGlobalSecret(v1, "global-a", "global-value-a");
        insertGlobalSecret(v1, "global-b", "global-value-b");

        // Restart: key 2 is current, key 1 previous (batches of 2, so several transactions).
        assertThat(start(new SecretCipher(2, Map.of(1, K1, 2, K2)))).isEqualTo(7);

        assertThat(versions("store.pipeline_secrets")).containsOnly(2).hasSize(5);
        assertThat(versions("store.global_secrets")).containsOnly(2).hasSize(2);
        assertThat(keyCheckVersions()).containsExactly(1, 2);
        // Readable with key 2 alone: key 1 can be retired now.
        SecretCipher v2only = new SecretCipher(2, Map.of(2, K2));
        assertThat(start(v2only)).isZero();
        for (int i = 0; i < 5; i++) {
            assertThat(decryptPipelineSecret(v2only, "ns", "p", "key-" + i)).isEqualTo("value-" + i);
        }
        assertThat(decryptGlobalSecret(v2only, "global-b")).isEqualTo("global-value-b");
    }

    @Test
    void shouldRefuseToStartNamingVersionAndPropertyWhenCurrentKeyIsWrong() throws Exception {
        start(new SecretCipher(1, Map.of(1, K1)));

        assertThatThrownBy(() -> start(new SecretCipher(1, Map.of(1, WRONG))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("wrong encryption key")
                .hasMessageContaining("gofer.store.encryption-key").hasMessageContaining("version 1")
                .hasMessageNotContaining(Base64.getEncoder().encodeToString(WRONG));
    }

    @Test
    void shouldRefuseToStartAndStoreNothingWhenPreviousKeyIsWrong() throws Exception {
        SecretCipher v1 = new SecretCipher(1, Map.of(1, K1));
        start(v1);
        insertPipelineSecret(v1, "ns", "p", "token", "v");

        assertThatThrownBy(() -> start(new SecretCipher(2, Map.of(1, WRONG, 2, K2))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gofer.store.previous-encryption-keys").hasMessageContaining("version 1");

        assertThat(keyCheckVersions()).containsExactly(1);
        assertThat(versions("store.pipeline_secrets")).containsExactly(1);
    }

    @Test
    void shouldRefuseToStartWhenRowsUseAVersionWithoutConfiguredKey() throws Exception {
        SecretCipher v1 = new SecretCipher(1, Map.of(1, K1));
        start(v1);
        insertGlobalSecret(v1, "g", "v");

        assertThatThrownBy(() -> start(new SecretCipher(2, Map.of(2, K2))))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("key version 1")
                .hasMessageContaining("no key is configured")
                .hasMessageContaining("gofer.store.previous-encryption-keys");
        assertThat(versions("store.global_secrets")).containsExactly(1);
    }

    @Test
    void shouldCheckKeyOnAStoredRowWhenVersionPredatesKeyChecks() throws Exception {
        // Secrets written before key checks existed: version 1 has rows but no canary.
        SecretCipher v1 = new SecretCipher(1, Map.of(1, K1));
        insertPipelineSecret(v1, "ns", "p", "old", "from before");

        assertThatThrownBy(() -> start(new SecretCipher(1, Map.of(1, WRONG))))
                .hasMessageContaining("does not decrypt pipeline secret 'ns/p/old'").hasMessageContaining("version 1");
        assertThat(keyCheckVersions()).isEmpty();

        assertThat(start(v1)).isZero();
        assertThat(keyCheckVersions()).containsExactly(1);
        assertThat(decryptPipelineSecret(v1, "ns", "p", "old")).isEqualTo("from before");
    }

    private int start(SecretCipher cipher) {
        return new KeyRotation(dataSource, cipher, 2).run();
    }

    private void insertPipelineSecret(SecretCipher cipher, String ns, String p, String key, String value)
            throws SQLException {
        EncryptedValue e = cipher.encrypt(value, PipelineSecretService.associatedData(ns, p, key));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO store.pipeline_secrets (namespace_id, "
                        + "pipeline_id, key, nonce, ciphertext, key_version, created) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            s.setString(1, ns);
            s.setString(2, p);
            s.setString(3, key);
            s.setBytes(4, e.nonce());
            s.setBytes(5, e.ciphertext());
            s.setInt(6, e.keyVersion());
            s.setTimestamp(7, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private void insertGlobalSecret(SecretCipher cipher, String key, String value) throws SQLException {
        EncryptedValue e = cipher.encrypt(value, GlobalSecretService.associatedData(key));
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("INSERT INTO store.global_secrets (key, namespaces, nonce, "
                        + "ciphertext, key_version, created) VALUES (?, ARRAY['.*'], ?, ?, ?, ?)")) {
            s.setString(1, key);
            s.setBytes(2, e.nonce());
            s.setBytes(3, e.ciphertext());
            s.setInt(4, e.keyVersion());
            s.setTimestamp(5, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private String decryptPipelineSecret(SecretCipher cipher, String ns, String p, String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT nonce, ciphertext, key_version FROM "
                        + "store.pipeline_secrets WHERE namespace_id = ? AND pipeline_id = ? AND key = ?")) {
            s.setString(1, ns);
            s.setString(2, p);
            s.setString(3, key);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return cipher.decrypt(new EncryptedValue(rs.getBytes(1), rs.getBytes(2), rs.getInt(3)),
                        PipelineSecretService.associatedData(ns, p, key));
            }
        }
    }

    private String decryptGlobalSecret(SecretCipher cipher, String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement(
                        "SELECT nonce, ciphertext, key_version FROM store.global_secrets WHERE key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return cipher.decrypt(new EncryptedValue(rs.getBytes(1), rs.getBytes(2), rs.getInt(3)),
                        GlobalSecretService.associatedData(key));
            }
        }
    }

    private List<Integer> versions(String table) throws SQLException {
        return ints("SELECT key_version FROM " + table + " ORDER BY id");
    }

    private List<Integer> keyCheckVersions() throws SQLException {
        return ints("SELECT key_version FROM store.key_checks ORDER BY key_version");
    }

    private List<Integer> ints(String sql) throws SQLException {
        List<Integer> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getInt(1));
            }
        }
        return out;
    }
}
