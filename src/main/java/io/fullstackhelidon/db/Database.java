package io.fullstackhelidon.db;

import java.sql.Connection;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import io.fullstackhelidon.config.DatabaseSettings;

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

    /** How long the pool's background creator keeps trying one connection, and how often (PatientConnector). */
    private static final Duration CONNECT_PATIENCE = Duration.ofSeconds(5);
    private static final Duration CONNECT_RETRY = Duration.ofMillis(100);

    private final HikariDataSource dataSource;
    private final DbClient client;
    private final DatabaseSettings settings;
    private final DatabaseAvailability availability;

    private Database(HikariDataSource dataSource, DbClient client, DatabaseSettings settings,
                     DatabaseAvailability availability) {
        this.dataSource = dataSource;
        this.client = client;
        this.settings = settings;
        this.availability = availability;
    }

    /** Waits for the database, migrates the schema (adopting a template database), then opens the pool. */
    public static Database open(DatabaseSettings settings, MetricsTrackerFactory poolMetrics) {
        DatabaseWait.untilReachable(settings);
        Migrations.migrate(settings);
        Properties properties = new Properties();
        properties.putAll(settings.poolProperties());
        HikariConfig config = new HikariConfig(properties);
        config.setDataSource(new PatientConnector(
                new DriverDataSource(settings.jdbcUrl(), null, new Properties(), settings.username(),
                                     settings.password()),
                CONNECT_PATIENCE, CONNECT_RETRY));
        config.setMetricsTrackerFactory(poolMetrics);
        HikariDataSource dataSource = new HikariDataSource(config);
        FairConnectionGate gate = new FairConnectionGate(
                dataSource, config.getMaximumPoolSize(), Duration.ofMillis(config.getConnectionTimeout()),
                () -> dataSource.getHikariPoolMXBean() != null
                      && dataSource.getHikariPoolMXBean().getActiveConnections() >= config.getMaximumPoolSize());
        String dbType = settings.isPostgres() ? "jdbc:postgresql" : settings.isH2() ? "jdbc:h2" : "jdbc";
        DatabaseAvailability availability = new DatabaseAvailability(settings.breakerDelay(), settings.breakerVolume(),
                                                                      settings.breakerErrorRatio());
        JdbcConnectionPool pool = new JdbcConnectionPool() {
            @Override
            public Connection connection() {
                return availability.borrow(() -> gate.connection(availability::ensureNotKnownDown));
            }

            @Override
            public String dbType() {
                return dbType;
            }
        };
        return new Database(dataSource, JdbcClientBuilder.create().connectionPool(pool).build(), settings,
                            availability);
    }

    /** The pool itself, for libraries that speak JDBC (the job queue). */
    public DataSource dataSource() {
        return dataSource;
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
        dataSource.close();
    }
}
