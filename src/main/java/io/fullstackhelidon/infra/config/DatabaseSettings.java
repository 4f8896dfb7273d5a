package io.fullstackhelidon.infra.config;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Where the data lives: a JDBC URL with its credentials, plus the pool sizing.
 *
 * @param jdbcUrl        JDBC URL (H2 or PostgreSQL)
 * @param username       user name, may be empty for the embedded database
 * @param password       password, may be empty
 * @param poolProperties HikariCP properties under their Hikari names ({@code maximumPoolSize}, ...)
 * @param connectWait    how long start-up waits for the database to answer
 * @param breakerDelay   how long requests are answered 503 at once after connections could not be made
 * @param breakerVolume  the borrowings the breaker judges together
 * @param breakerErrorRatio the percentage of those that failed to connect at which the breaker opens
 */
public record DatabaseSettings(String jdbcUrl,
                               String username,
                               String password,
                               Map<String, String> poolProperties,
                               Duration connectWait,
                               Duration breakerDelay,
                               int breakerVolume,
                               int breakerErrorRatio) {

    public DatabaseSettings {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        poolProperties = Map.copyOf(poolProperties);
        Objects.requireNonNull(connectWait, "connectWait");
        Objects.requireNonNull(breakerDelay, "breakerDelay");
    }

    public boolean isPostgres() {
        return jdbcUrl.startsWith("jdbc:postgresql:");
    }

    public boolean isH2() {
        return jdbcUrl.startsWith("jdbc:h2:");
    }

    @Override
    public String toString() {
        return "DatabaseSettings[" + jdbcUrl + ", user=" + username + ", pool=" + poolProperties + "]";
    }
}
