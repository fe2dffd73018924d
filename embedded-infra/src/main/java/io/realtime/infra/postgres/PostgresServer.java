package io.realtime.infra.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL 18 server from the zonky binaries jar: no Docker, no system install.
 * Ephemeral for tests (random port, throw-away data), persistent for the run command (fixed port, kept data).
 */
public final class PostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String PASSWORD = "postgres";

    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final EmbeddedPostgres postgres;
    private final int port;

    private PostgresServer(EmbeddedPostgres postgres, int port) {
        this.postgres = postgres;
        this.port = port;
    }

    /** A handle on a server started elsewhere in this JVM; closing it does not stop the server. */
    public static PostgresServer attach(int port) {
        return new PostgresServer(null, port);
    }

    public static PostgresServer startEphemeral() {
        return start(builder());
    }

    /**
     * Starts on a fixed port with data kept in {@code dataDirectory}. A postgres left running by a killed earlier
     * run (its PID is in {@code postmaster.pid}) is stopped first, so the start never fails on a stale server.
     */
    public static PostgresServer startPersistent(Path dataDirectory, int port) {
        try {
            Files.createDirectories(dataDirectory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        StalePostmaster.stopIfRunning(dataDirectory, Duration.ofSeconds(15));
        return start(builder()
                .setPort(port)
                .setDataDirectory(dataDirectory.toFile())
                .setCleanDataDirectory(false));
    }

    private static EmbeddedPostgres.Builder builder() {
        return EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "300")
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off");
    }

    private static PostgresServer start(EmbeddedPostgres.Builder builder) {
        try {
            EmbeddedPostgres started = builder.start();
            return new PostgresServer(started, started.getPort());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public String reactiveUrl(String database) {
        return "postgresql://127.0.0.1:" + port() + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), USER, PASSWORD);
    }

    /** Creates {@code name} if it does not exist yet; each service owns one database. */
    public void ensureDatabase(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a plain database name: " + name);
        }
        try (Connection connection = connect("postgres")) {
            if (!exists(connection, name)) {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CREATE DATABASE " + name);
                }
            }
        } catch (SQLException e) {
            if (!"42P04".equals(e.getSQLState())) { // created concurrently by another caller
                throw new IllegalStateException("Could not create database " + name, e);
            }
        }
    }

    private static boolean exists(Connection connection, String name) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            query.setString(1, name);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    @Override
    public void close() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The PID recorded by a running postmaster for this data directory, if that process is alive. */
    public static Optional<ProcessHandle> runningPostmaster(Path dataDirectory) {
        return StalePostmaster.find(dataDirectory);
    }
}
