package dev.gofer.testsupport;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL (zonky binaries) on a random localhost port. {@link #shared()} gives one server per JVM;
 * {@link #createDatabase(String)} gives each test class or service a database of its own.
 */
public final class EmbeddedPostgresDb implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static EmbeddedPostgresDb shared;

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresDb(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static synchronized EmbeddedPostgresDb shared() {
        if (shared == null) {
            shared = start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::close, "embedded-postgres-stop"));
        }
        return shared;
    }

    public static EmbeddedPostgresDb start() {
        try {
            return new EmbeddedPostgresDb(EmbeddedPostgres.builder().start());
        } catch (IOException e) {
            throw new IllegalStateException("cannot start embedded PostgreSQL", e);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    /** Creates the database if it does not exist yet and returns its JDBC URL. */
    public synchronized String createDatabase(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            var rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + database.replace("'", "") + "'");
            if (!rs.next()) {
                s.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot create database " + database, e);
        }
        return jdbcUrl(database);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            // best effort at shutdown
        }
    }
}
