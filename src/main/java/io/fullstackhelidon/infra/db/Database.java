package io.fullstackhelidon.infra.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import javax.sql.DataSource;

import io.fullstackhelidon.domain.Unavailable;
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
 *
 * <p>Opening (waiting for the database, migrating, filling the pools) is half of a start's time, so it runs on a
 * thread of its own while the rest of the service, its web server included, is built: the DbClient exists at once,
 * and a borrower that comes before the opening has finished waits for it as for a pooled connection, at most the
 * pool's time-out, then gets 503 {@value DatabaseAvailability#UNAVAILABLE}.
 */
public final class Database implements AutoCloseable {

    /** How long the pool's background creator keeps trying one connection, and how often (RetryingDataSource). */
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(5);
    private static final Duration CONNECT_RETRY = Duration.ofMillis(100);

    private final CompletableFuture<Pools> opening;
    private final Duration borrowWait;
    private final DbClient client;
    private final DatabaseSettings settings;
    private final DatabaseAvailability availability;
    private final RecoveryProbe recovery;

    private Database(DatabaseSettings settings, int backgroundConnections, MetricsTrackerFactory poolMetrics) {
        this.settings = settings;
        HikariConfig requests = poolConfig(settings, poolMetrics);
        HikariConfig background = poolConfig(settings, poolMetrics);
        background.setPoolName(requests.getPoolName() + "-background");
        background.setMaximumPoolSize(backgroundConnections);
        background.setMinimumIdle(0);
        this.borrowWait = Duration.ofMillis(requests.getConnectionTimeout());
        this.opening = CompletableFuture.supplyAsync(() -> Pools.open(settings, requests, background),
                                                     task -> Thread.ofPlatform().name("database-opening").start(task));
        this.availability = new DatabaseAvailability(settings.breakerDelay(), settings.breakerVolume(),
                                                     settings.breakerErrorRatio());
        String dbType = settings.isPostgres() ? "jdbc:postgresql" : settings.isH2() ? "jdbc:h2" : "jdbc";
        JdbcConnectionPool pool = new JdbcConnectionPool() {
            @Override
            public Connection connection() {
                return borrow();
            }

            @Override
            public String dbType() {
                return dbType;
            }
        };
        this.client = JdbcClientBuilder.create().connectionPool(pool).build();
        // a borrowed connection proves the database back; the breaker's half-open state lets one through
        this.recovery = new RecoveryProbe("database", settings.breakerDelay(), availability::knownDown,
                                          () -> closeQuietly(borrow()));
    }

    /**
     * Starts opening the database: waiting for it, migrating the schema (adopting a template database), then the
     * requests' pool and a background pool of {@code backgroundConnections}; {@link #opened()} tells when that is done.
     */
    public static Database open(DatabaseSettings settings, int backgroundConnections,
                                MetricsTrackerFactory poolMetrics) {
        return new Database(settings, backgroundConnections, poolMetrics);
    }

    /** Completes once the database is migrated and pooled; fails with what kept it from that. */
    public CompletableFuture<Void> opened() {
        return opening.thenApply(pools -> null);
    }

    /** Whether the opening has succeeded: readiness answers from this at once. */
    public boolean isOpen() {
        return opening.isDone() && !opening.isCompletedExceptionally();
    }

    private Connection borrow() {
        FairConnectionGate gate = pools().gate();
        return availability.borrow(() -> gate.connection(availability::ensureNotKnownDown));
    }

    /** The pools, waiting for the opening at most as long as for a pooled connection. */
    private Pools pools() {
        try {
            return opening.get(borrowWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            throw new Unavailable(DatabaseAvailability.UNAVAILABLE, 1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Unavailable(DatabaseAvailability.UNAVAILABLE, 1);
        }
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

    /**
     * The pool of background work (the job queue), apart from the requests': jobs never take their connections.
     * Before the opening has finished it waits for it like a borrower.
     */
    public DataSource backgroundDataSource() {
        return pools().background();
    }

    /** Requests waiting in the queue for a connection. */
    public int queueWaiting() {
        return isOpen() ? opening.join().gate().waiting() : 0;
    }

    /** Requests that waited the whole time-out in the queue and were answered 503. */
    public long queueTimeouts() {
        return isOpen() ? opening.join().gate().timeouts() : 0;
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

    /** Closes the pools, or, while the database is still opening, has them closed as soon as they are open. */
    @Override
    public void close() {
        recovery.close();
        opening.thenAccept(Pools::close);
    }

    /** The open database's pools and the requests' fair gate. */
    private record Pools(HikariDataSource requests, HikariDataSource background, FairConnectionGate gate) {

        static Pools open(DatabaseSettings settings, HikariConfig requests, HikariConfig background) {
            DatabaseWait.untilReachable(settings);
            Migrations.migrate(settings);
            HikariDataSource requestPool = new HikariDataSource(requests);
            return new Pools(requestPool, new HikariDataSource(background),
                             new FairConnectionGate(requestPool, requests.getMaximumPoolSize(),
                                                    Duration.ofMillis(requests.getConnectionTimeout())));
        }

        void close() {
            background.close();
            requests.close();
        }
    }
}
