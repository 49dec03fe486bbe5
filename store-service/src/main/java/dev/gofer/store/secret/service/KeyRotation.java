package dev.gofer.store.secret.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.sql.DataSource;

import org.jboss.logging.Logger;

import dev.gofer.store.secret.persistence.SecretRows;
import dev.gofer.store.secret.persistence.SecretRows.KeyCheck;
import dev.gofer.store.secret.persistence.SecretRows.Row;
import dev.gofer.store.secret.persistence.SecretRows.Table;

/**
 * Checks the configured keys against the database and rotates, before the service serves anything:
 * <ol>
 * <li>every key version that encrypts stored rows must have a configured key, else the service refuses to start;
 * <li>every configured key must open its version's canary in {@code key_checks} (a fixed text encrypted under that
 * key when the version was first seen), else it is the wrong key and the service refuses to start. A version without
 * a canary yet (secrets from before key checks existed) is tried on one of its rows instead, then gets its canary;
 * <li>every row not at the current version is re-encrypted under the current key, in batches, one transaction each.
 * </ol>
 * Messages name the version and the property to fix, never a key or a value. Plain JDBC on its own transactions, so a
 * test can run it against a bare database.
 */
public final class KeyRotation {

    static final String CANARY = "gofer-store key check";

    private static final Logger LOG = Logger.getLogger(KeyRotation.class);

    private final DataSource dataSource;
    private final SecretCipher cipher;
    private final int batchSize;

    public KeyRotation(DataSource dataSource, SecretCipher cipher, int batchSize) {
        this.dataSource = dataSource;
        this.cipher = cipher;
        this.batchSize = Math.max(1, batchSize);
    }

    /** Verifies, then rotates; returns how many rows were re-encrypted. Throws {@link IllegalStateException}. */
    public int run() {
        try {
            verify();
            return reencrypt();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the secret encryption keys: " + e.getMessage(), e);
        }
    }

    /** Steps 1 and 2, in one transaction: canaries of new versions are stored only when every check passed. */
    void verify() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                SecretRows.lockForKeyCheck(c);
                for (Map.Entry<Integer, Long> inUse : SecretRows.versionsInUse(c).entrySet()) {
                    if (!cipher.hasVersion(inUse.getKey())) {
                        throw new IllegalStateException(inUse.getValue() + " secret(s) are encrypted under key version "
                                + inUse.getKey() + ", but no key is configured for it: add it to "
                                + SecretCipher.PREVIOUS_PROPERTY + " as " + inUse.getKey()
                                + ":<base64 key> (or make it the current key)");
                    }
                }
                Map<Integer, KeyCheck> checks = SecretRows.keyChecks(c);
                for (int version : cipher.versions()) {
                    KeyCheck check = checks.get(version);
                    if (check != null) {
                        if (!cipher.opens(new EncryptedValue(check.nonce(), check.ciphertext(), version),
                                canaryData(version))) {
                            throw wrongKey(version, "does not open the key check of version " + version);
                        }
                        continue;
                    }
                    Optional<Row> sample = SecretRows.anyAt(c, version);
                    if (sample.isPresent() && !cipher.opens(value(sample.get()), associatedData(sample.get()))) {
                        throw wrongKey(version, "does not decrypt " + sample.get().table().label() + " '"
                                + sample.get().name() + "', which is stored under version " + version);
                    }
                    EncryptedValue canary = cipherFor(version).encrypt(CANARY, canaryData(version));
                    SecretRows.insertKeyCheck(c, new KeyCheck(version, canary.nonce(), canary.ciphertext()));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Step 3: re-encrypts every row not at the current version; returns how many. */
    int reencrypt() throws SQLException {
        int current = cipher.keyVersion();
        int total = 0;
        for (Table table : Table.values()) {
            while (true) {
                int done = reencryptBatch(table, current);
                if (done == 0) {
                    break;
                }
                total += done;
            }
        }
        if (total > 0) {
            LOG.infof("re-encrypted %d secret(s) under key version %d", total, current);
        }
        return total;
    }

    private int reencryptBatch(Table table, int current) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Row> rows = SecretRows.lockNotAt(c, table, current, batchSize);
                for (Row row : rows) {
                    String plaintext;
                    try {
                        plaintext = cipher.decrypt(value(row), associatedData(row));
                    } catch (IllegalStateException e) {
                        throw new IllegalStateException("cannot re-encrypt " + table.label() + " '" + row.name()
                                + "': it does not decrypt under its key version " + row.keyVersion()
                                + " (tampered row?)");
                    }
                    EncryptedValue fresh = cipher.encrypt(plaintext, associatedData(row));
                    SecretRows.update(c, row, fresh.nonce(), fresh.ciphertext(), fresh.keyVersion());
                }
                c.commit();
                return rows.size();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** A cipher that encrypts under {@code version}: canaries are written under the key they check. */
    private SecretCipher cipherFor(int version) {
        return version == cipher.keyVersion() ? cipher : cipher.withCurrentVersion(version);
    }

    private IllegalStateException wrongKey(int version, String what) {
        String property = version == cipher.keyVersion()
                ? SecretCipher.KEY_PROPERTY + " (the current key, version " + version + ")"
                : SecretCipher.PREVIOUS_PROPERTY + " entry for version " + version;
        return new IllegalStateException("wrong encryption key: " + property + " " + what
                + "; it is not the key that version was created with. Configure the original key for version " + version
                + ", or a new version number for a new key");
    }

    static String canaryData(int version) {
        return "key-check/" + version;
    }

    private static EncryptedValue value(Row row) {
        return new EncryptedValue(row.nonce(), row.ciphertext(), row.keyVersion());
    }

    private static String associatedData(Row row) {
        return row.table() == Table.PIPELINE
                ? PipelineSecretService.associatedData(row.namespaceId(), row.pipelineId(), row.key())
                : GlobalSecretService.associatedData(row.key());
    }
}
