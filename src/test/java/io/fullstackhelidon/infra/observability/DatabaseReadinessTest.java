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

/** Readiness says the database is down without waiting for a database that does not answer. */
class DatabaseReadinessTest {

    @Test
    void aDatabaseThatNeverAnswersIsDownWithinTheTimeout() throws Exception {
        DbClient hung = JdbcClientBuilder.create().connectionPool(new JdbcConnectionPool() {
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
        DatabaseReadiness readiness = new DatabaseReadiness(hung, new DatabaseAvailability(Duration.ofSeconds(1), 2, 50),
                                                            Duration.ofMillis(200));

        HealthCheckResponse answer = CompletableFuture.supplyAsync(readiness::call).get(5, TimeUnit.SECONDS);

        assertThat(answer.status()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(answer.details()).containsEntry("error", "no answer within 200 ms");
    }
}
