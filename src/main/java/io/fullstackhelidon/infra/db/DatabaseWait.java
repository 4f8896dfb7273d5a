package io.fullstackhelidon.infra.db;

import java.lang.System.Logger.Level;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import io.fullstackhelidon.infra.config.ConfigurationException;
import io.fullstackhelidon.infra.config.DatabaseSettings;

/**
 * Waits for the database to accept a {@code SELECT 1} before migrating, like the template's prestart step, so that
 * the service can start together with its database (compose, Kubernetes) instead of failing at once.
 */
public final class DatabaseWait {

    private static final System.Logger LOGGER = System.getLogger(DatabaseWait.class.getName());
    private static final Duration PAUSE = Duration.ofSeconds(1);

    private DatabaseWait() {
    }

    /** One attempt to reach the database. */
    @FunctionalInterface
    public interface Probe {
        void selectOne() throws SQLException;
    }

    /** Waits up to the settings' connect-wait for the database to answer. */
    public static void untilReachable(DatabaseSettings settings) {
        int attempts = (int) Math.max(1, settings.connectWait().toSeconds() / PAUSE.toSeconds());
        until(() -> selectOne(settings), attempts, PAUSE);
    }

    /** Runs {@code probe} until it succeeds, at most {@code attempts} times, pausing between attempts. */
    public static void until(Probe probe, int attempts, Duration pause) {
        SQLException last = null;
        for (int attempt = 1; attempt <= attempts; attempt++) {
            try {
                probe.selectOne();
                return;
            } catch (SQLException e) {
                last = e;
                LOGGER.log(Level.WARNING, "Database not reachable (attempt " + attempt + " of " + attempts + "): "
                                          + e.getMessage());
            }
            if (attempt < attempts) {
                pause(pause);
            }
        }
        throw new ConfigurationException("The database did not answer after " + attempts + " attempts: "
                                         + (last == null ? "" : last.getMessage()));
    }

    private static void selectOne(DatabaseSettings settings) throws SQLException {
        try (Connection connection = DriverManager.getConnection(settings.jdbcUrl(), settings.username(),
                                                                 settings.password());
                Statement statement = connection.createStatement()) {
            statement.execute("SELECT 1");
        }
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ConfigurationException("Interrupted while waiting for the database");
        }
    }
}
