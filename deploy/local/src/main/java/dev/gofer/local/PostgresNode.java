package dev.gofer.local;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.logging.Logger;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * PostgreSQL (zonky binaries) on a data directory that is never cleaned: a later start on the same directory keeps
 * every database. The server's own output goes to a log file.
 */
final class PostgresNode implements AutoCloseable {

    static final String USER = "postgres";
    static final String PASSWORD = "postgres";

    private static final Logger LOG = Logger.getLogger(PostgresNode.class.getName());

    private final EmbeddedPostgres postgres;
    private boolean closed;

    private PostgresNode(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static PostgresNode start(Path dataDir, int port, Path logFile) {
        refuseWhenStillRunning(dataDir);
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(logFile.getParent());
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .setOutputRedirector(Redirect.appendTo(logFile.toFile()))
                    .setErrorRedirector(Redirect.appendTo(logFile.toFile()))
                    .start();
            return new PostgresNode(postgres);
        } catch (IOException | RuntimeException e) {
            throw new LocalStackException("PostgreSQL did not start on port " + port + " (data " + dataDir + ", log "
                    + logFile + "): " + e.getMessage(), e);
        }
    }

    /** A postmaster left behind by a launcher that was killed would make pg_ctl fail obscurely: say so plainly. */
    private static void refuseWhenStillRunning(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return;
        }
        try {
            String first = Files.readAllLines(pidFile, StandardCharsets.UTF_8).stream().findFirst().orElse("").trim();
            long pid = Long.parseLong(first);
            boolean alive = ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
            if (alive) {
                throw new LocalStackException("a PostgreSQL server from an earlier launcher still runs on " + dataDir
                        + " (pid " + pid + "). Stop it first: kill " + pid + " (or deploy/local/down.sh).");
            }
        } catch (IOException | NumberFormatException e) {
            LOG.fine(() -> "unreadable " + pidFile + ": " + e);
        }
    }

    int port() {
        return postgres.getPort();
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    /** Creates the database when it does not exist yet. */
    void ensureDatabase(String database) {
        try (Connection c = postgres.getPostgresDatabase().getConnection()) {
            try (PreparedStatement q = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                q.setString(1, database);
                try (ResultSet rs = q.executeQuery()) {
                    if (rs.next()) {
                        return;
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE \"" + database.replace("\"", "") + "\"");
            }
            LOG.info(() -> "created database " + database);
        } catch (SQLException e) {
            throw new LocalStackException("cannot create database " + database + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warning(() -> "PostgreSQL shutdown: " + e);
        }
    }
}
