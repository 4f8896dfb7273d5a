package io.fullstackhelidon.infra.observability;

import java.sql.Connection;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import io.fullstackhelidon.infra.db.DatabaseAvailability;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;
import io.helidon.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Readiness says the database is down without waiting for a database that does not answer, or is still opening. */
class DatabaseReadinessTest {

    @Test
    void aDatabaseThatNeverAnswersIsDownWithinTheTimeout() throws Exception {
        DatabaseReadiness readiness = new DatabaseReadiness(hung(), closedBreaker(), () -> true, Duration.ofMillis(200));

        HealthCheckResponse answer = CompletableFuture.supplyAsync(readiness::call).get(5, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(answer.details()).containsEntry("error", "no answer within 200 ms");
    }

    @Test
    void aDatabaseStillOpeningIsDownWithoutAskingIt() throws Exception {
        // the time-out is longer than the deadline below: only an answer that does not ask the database meets it
        DatabaseReadiness readiness = new DatabaseReadiness(hung(), closedBreaker(), () -> false, Duration.ofSeconds(20));

        HealthCheckResponse answer = CompletableFuture.supplyAsync(readiness::call).get(5, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(answer.details()).containsEntry("error", "opening: waiting for the database and its migrations");
    }

    private static DatabaseAvailability closedBreaker() {
        return new DatabaseAvailability(Duration.ofSeconds(1), 2, 50);
    }

    /** A client whose every connection takes 30 s to fail. */
    private static DbClient hung() {
        return JdbcClientBuilder.create().connectionPool(new JdbcConnectionPool() {
            @Override
            public Connection connection() {
                try {
                    Thread.sleep(Duration.ofSeconds(30)); // a connection that never comes
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IllegalStateException("interrupted");
            }

            @Override
            public String dbType() {
                return "jdbc:h2";
            }
        }).build();
    }
}
