package io.fullstackhelidon.observability;

import java.time.Duration;
import java.util.Optional;

import io.fullstackhelidon.db.Database;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/** Readiness of the database: a real {@code SELECT 1} through the pool, bounded by a short timeout. */
public final class DatabaseReadiness implements HealthCheck {

    private final Database database;
    private final Duration timeout;

    public DatabaseReadiness(Database database, Duration timeout) {
        this.database = database;
        this.timeout = timeout;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "database";
    }

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = database.ping(timeout);
        HealthCheckResponse.Builder response = HealthCheckResponse.builder().status(problem.isEmpty());
        problem.ifPresent(reason -> response.detail("error", reason));
        return response.build();
    }
}
