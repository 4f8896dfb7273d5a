package io.fullstackhelidon.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;

import javax.sql.DataSource;

import io.fullstackhelidon.config.DatabaseSettings;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbClientException;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

/**
 * The database the service owns: migrated to the current schema, then reached through a HikariCP pool wrapped in a
 * Helidon DbClient. The pool is built here (not from DbClient configuration) so that its statistics reach the
 * metrics and every borrower queues at the fair gate.
 */
public final class Database implements AutoCloseable {

    private final HikariDataSource dataSource;
    private final DbClient client;
    private final DatabaseSettings settings;

    private Database(HikariDataSource dataSource, DbClient client, DatabaseSettings settings) {
        this.dataSource = dataSource;
        this.client = client;
        this.settings = settings;
    }

    /** Waits for the database, migrates the schema (adopting a template database), then opens the pool. */
    public static Database open(DatabaseSettings settings, MetricsTrackerFactory poolMetrics) {
        DatabaseWait.untilReachable(settings);
        Migrations.migrate(settings);
        Properties properties = new Properties();
        properties.putAll(settings.poolProperties());
        HikariConfig config = new HikariConfig(properties);
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.username());
        config.setPassword(settings.password());
        config.setMetricsTrackerFactory(poolMetrics);
        HikariDataSource dataSource = new HikariDataSource(config);
        FairConnectionGate gate = new FairConnectionGate(dataSource, config.getMaximumPoolSize(),
                                                         Duration.ofMillis(config.getConnectionTimeout()));
        String dbType = settings.isPostgres() ? "jdbc:postgresql" : settings.isH2() ? "jdbc:h2" : "jdbc";
        JdbcConnectionPool pool = new JdbcConnectionPool() {
            @Override
            public Connection connection() {
                try {
                    return gate.connection();
                } catch (SQLException e) {
                    throw new DbClientException("No database connection available: " + e.getMessage(), e);
                }
            }

            @Override
            public String dbType() {
                return dbType;
            }
        };
        return new Database(dataSource, JdbcClientBuilder.create().connectionPool(pool).build(), settings);
    }

    /** The pool itself, for libraries that speak JDBC (the job queue). */
    public DataSource dataSource() {
        return dataSource;
    }

    public DbClient client() {
        return client;
    }

    public DatabaseSettings settings() {
        return settings;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
