package io.fullstackhelidon.infra.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import io.fullstackhelidon.infra.config.DatabaseSettings;
import io.fullstackhelidon.infra.resilience.RecoveryProbe;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.util.DriverDataSource;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

/**
 * The database the service owns: migrated to the current schema, then reached through a HikariCP pool wrapped in a
 * Helidon DbClient. The pool is built here (not from DbClient configuration) so that its statistics reach the
 * metrics, every borrower queues at the fair gate, and none waits for a database known to be down
 * ({@link DatabaseAvailability}).
 */
public final class Database implements AutoCloseable {

    /** How long the pool's background creator keeps trying one connection, and how often (RetryingDataSource). */
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(5);
    private static final Duration CONNECT_RETRY = Duration.ofMillis(100);

    private final HikariDataSource requestPool;
    private final HikariDataSource backgroundPool;
    private final FairConnectionGate gate;
    private final DbClient client;
    private final DatabaseSettings settings;
    private final DatabaseAvailability availability;
    private final RecoveryProbe recovery;

    private Database(HikariDataSource requestPool, HikariDataSource backgroundPool, FairConnectionGate gate,
                     DbClient client, DatabaseSettings settings, DatabaseAvailability availability,
                     RecoveryProbe recovery) {
        this.requestPool = requestPool;
        this.backgroundPool = backgroundPool;
        this.gate = gate;
        this.client = client;
        this.settings = settings;
        this.availability = availability;
        this.recovery = recovery;
    }

    /**
     * Waits for the database, migrates the schema (adopting a template database), then opens the requests' pool and
     * a background pool of {@code backgroundConnections}.
     */
    public static Database open(DatabaseSettings settings, int backgroundConnections,
                                MetricsTrackerFactory poolMetrics) {
        DatabaseWait.untilReachable(settings);
        Migrations.migrate(settings);
        HikariConfig requests = poolConfig(settings, poolMetrics);
        HikariConfig background = poolConfig(settings, poolMetrics);
        background.setPoolName(requests.getPoolName() + "-background");
        background.setMaximumPoolSize(backgroundConnections);
        background.setMinimumIdle(0);
        HikariDataSource requestPool = new HikariDataSource(requests);
        HikariDataSource backgroundPool = new HikariDataSource(background);
        FairConnectionGate gate = new FairConnectionGate(requestPool, requests.getMaximumPoolSize(),
                                                         Duration.ofMillis(requests.getConnectionTimeout()));
        String dbType = settings.isPostgres() ? "jdbc:postgresql" : settings.isH2() ? "jdbc:h2" : "jdbc";
        DatabaseAvailability availability = new DatabaseAvailability(settings.breakerDelay(), settings.breakerVolume(),
                                                                      settings.breakerErrorRatio());
        DatabaseAvailability.SqlSupplier<Connection> queued = () -> gate.connection(availability::ensureNotKnownDown);
        JdbcConnectionPool pool = new JdbcConnectionPool() {
            @Override
            public Connection connection() {
                return availability.borrow(queued);
            }

            @Override
            public String dbType() {
                return dbType;
            }
        };
        // a borrowed connection proves the database back; the breaker's half-open state lets one through
        RecoveryProbe recovery = new RecoveryProbe("database", settings.breakerDelay(),
                                                   availability::knownDown,
                                                   () -> closeQuietly(availability.borrow(queued)));
        return new Database(requestPool, backgroundPool, gate,
                            JdbcClientBuilder.create().connectionPool(pool).build(), settings, availability,
                            recovery);
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException e) {
            // returning a probe's connection to the pool failed: the pool retires it
        }
    }

    /** The pool's settings ({@code database.pool}), opening connections through the {@link RetryingDataSource}. */
    private static HikariConfig poolConfig(DatabaseSettings settings, MetricsTrackerFactory poolMetrics) {
        Properties properties = new Properties();
        properties.putAll(settings.poolProperties());
        HikariConfig config = new HikariConfig(properties);
        config.setDataSource(new RetryingDataSource(
                new DriverDataSource(settings.jdbcUrl(), null, new Properties(), settings.username(),
                                     settings.password()),
                CONNECT_PATIENCE, CONNECT_RETRY));
        config.setMetricsTrackerFactory(poolMetrics);
        return config;
    }

    /** The pool of background work (the job queue), apart from the requests': jobs never take their connections. */
    public DataSource backgroundDataSource() {
        return backgroundPool;
    }

    /** Requests waiting in the queue for a connection. */
    public int queueWaiting() {
        return gate.waiting();
    }

    /** Requests that waited the whole time-out in the queue and were answered 503. */
    public long queueTimeouts() {
        return gate.timeouts();
    }

    public DbClient client() {
        return client;
    }

    /** Whether the database can be reached, as far as the requests so far tell. */
    public DatabaseAvailability availability() {
        return availability;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        recovery.close();
        backgroundPool.close();
        requestPool.close();
    }
}
