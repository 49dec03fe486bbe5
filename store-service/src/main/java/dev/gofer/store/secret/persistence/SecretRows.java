package dev.gofer.store.secret.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Plain JDBC over the ciphertext columns of both secret tables and over {@code key_checks}, for key verification and
 * rotation at startup. It runs on a connection the caller owns (its own transactions, before requests are served),
 * so it works the same in the service and in a test against a bare database.
 */
public final class SecretRows {

    /** A secret table, and how its rows are named in messages. */
    public enum Table {
        PIPELINE("store.pipeline_secrets", "pipeline secret"), GLOBAL("store.global_secrets", "global secret");

        private final String name;
        private final String label;

        Table(String name, String label) {
            this.name = name;
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** One encrypted row; {@code namespaceId} and {@code pipelineId} are null for global secrets. */
    public record Row(Table table, long id, String namespaceId, String pipelineId, String key, byte[] nonce,
            byte[] ciphertext, int keyVersion) {

        /** {@code ns/pipeline/key} or {@code key}: for messages, never a value. */
        public String name() {
            return namespaceId == null ? key : namespaceId + "/" + pipelineId + "/" + key;
        }
    }

    /** The canary of one key version. */
    public record KeyCheck(int keyVersion, byte[] nonce, byte[] ciphertext) {
    }

    private SecretRows() {
    }

    /** Serializes verification between instances that start at once; released when the transaction ends. */
    public static void lockForKeyCheck(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SELECT count(*) FROM (SELECT pg_advisory_xact_lock(hashtextextended("
                    + "'gofer-store:key-check', 0))) AS l");
        }
    }

    /** How many rows each key version holds, over both tables. */
    public static Map<Integer, Long> versionsInUse(Connection c) throws SQLException {
        Map<Integer, Long> out = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key_version, count(*) FROM (SELECT key_version FROM "
                        + Table.PIPELINE.name + " UNION ALL SELECT key_version FROM " + Table.GLOBAL.name
                        + ") v GROUP BY key_version")) {
            while (rs.next()) {
                out.put(rs.getInt(1), rs.getLong(2));
            }
        }
        return out;
    }

    /** Some row encrypted under {@code version}, to try a key on when the version has no canary yet. */
    public static Optional<Row> anyAt(Connection c, int version) throws SQLException {
        for (Table table : Table.values()) {
            List<Row> rows = select(c, table, "key_version = ?", version, 1, false);
            if (!rows.isEmpty()) {
                return Optional.of(rows.get(0));
            }
        }
        return Optional.empty();
    }

    /** Up to {@code limit} rows of {@code table} not at {@code version}, locked until the transaction ends. */
    public static List<Row> lockNotAt(Connection c, Table table, int version, int limit) throws SQLException {
        return select(c, table, "key_version <> ?", version, limit, true);
    }

    public static void update(Connection c, Row row, byte[] nonce, byte[] ciphertext, int keyVersion)
            throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE " + row.table().name + " SET nonce = ?, ciphertext = ?, key_version = ? WHERE id = ?")) {
            s.setBytes(1, nonce);
            s.setBytes(2, ciphertext);
            s.setInt(3, keyVersion);
            s.setLong(4, row.id());
            s.executeUpdate();
        }
    }

    public static Map<Integer, KeyCheck> keyChecks(Connection c) throws SQLException {
        Map<Integer, KeyCheck> out = new TreeMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT key_version, nonce, ciphertext FROM store.key_checks")) {
            while (rs.next()) {
                out.put(rs.getInt(1), new KeyCheck(rs.getInt(1), rs.getBytes(2), rs.getBytes(3)));
            }
        }
        return out;
    }

    public static void insertKeyCheck(Connection c, KeyCheck check) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO store.key_checks (key_version, nonce, ciphertext, "
                + "created) VALUES (?, ?, ?, ?) ON CONFLICT (key_version) DO NOTHING")) {
            s.setInt(1, check.keyVersion());
            s.setBytes(2, check.nonce());
            s.setBytes(3, check.ciphertext());
            s.setTimestamp(4, Timestamp.from(Instant.now()));
            s.executeUpdate();
        }
    }

    private static List<Row> select(Connection c, Table table, String where, int version, int limit, boolean lock)
            throws SQLException {
        String names = table == Table.PIPELINE ? "namespace_id, pipeline_id" : "NULL, NULL";
        String sql = "SELECT id, " + names + ", key, nonce, ciphertext, key_version FROM " + table.name + " WHERE "
                + where + " ORDER BY id LIMIT ?" + (lock ? " FOR UPDATE" : "");
        List<Row> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setInt(1, version);
            s.setInt(2, limit);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Row(table, rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBytes(5), rs.getBytes(6), rs.getInt(7)));
                }
            }
        }
        return out;
    }
}
