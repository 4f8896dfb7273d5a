package io.fullstackhelidon.infra.observability;

import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;

import io.fullstackhelidon.infra.db.DatabaseAvailability;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.health.DbClientHealthCheck;
import io.helidon.faulttolerance.Timeout;
import io.helidon.faulttolerance.TimeoutException;
import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness of the database, from what the service already knows when it can: DOWN at once while the database is still
 * opening (waited for, migrated, pooled) or connections cannot be made ({@link DatabaseAvailability}), UP at once when
 * a request got a connection within the probe's time-out (a busy instance is not an unready one). Otherwise DbClient's
 * health check ({@code SELECT 1} through DbClient, so through the pool and its fair gate like any request) bounded by a
 * fault-tolerance time-out, as DbClient's check in Helidon 4.1.7 keeps its configured time-out without applying it. A
 * probe never waits longer than the time-out.
 */
public final class DatabaseReadiness implements HealthCheck {

    private final HealthCheck selectOne;
    private final DatabaseAvailability availability;
    private final BooleanSupplier open;
    private final Timeout timeout;
    private final Duration limit;

    /** {@code open} tells whether the database has finished opening. */
    public DatabaseReadiness(DbClient client, DatabaseAvailability availability, BooleanSupplier open,
                             Duration limit) {
        this.selectOne = DbClientHealthCheck.builder(client).query().statement("SELECT 1").build();
        this.availability = availability;
        this.open = open;
        this.timeout = Timeout.builder().timeout(limit).build();
        this.limit = limit;
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
        if (!open.getAsBoolean()) {
            return down("opening: waiting for the database and its migrations");
        }
        if (availability.knownDown()) {
            return down(DatabaseAvailability.UNAVAILABLE + ": connections cannot be made");
        }
        if (availability.sinceLastConnection().filter(since -> since.compareTo(limit) < 0).isPresent()) {
            return HealthCheckResponse.builder().status(true).detail("recent-connection", true).build();
        }
        HealthCheckResponse answer;
        try {
            answer = timeout.invoke(selectOne::call);
        } catch (TimeoutException e) {
            return down("no answer within " + limit.toMillis() + " ms");
        }
        if (answer.status() == HealthCheckResponse.Status.UP) {
            return answer;
        }
        Map<String, Object> details = answer.details();
        String type = String.valueOf(details.get("ErrorClass"));
        return down(type.substring(type.lastIndexOf('.') + 1) + ": " + details.get("ErrorMessage"));
    }

    private static HealthCheckResponse down(String error) {
        return HealthCheckResponse.builder().status(false).detail("error", error).build();
    }
}
