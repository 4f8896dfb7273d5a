package io.fullstackhelidon.infra.observability;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.helidon.metrics.api.Counter;
import io.helidon.metrics.api.FunctionalCounter;
import io.helidon.metrics.api.Gauge;
import io.helidon.metrics.api.Tag;
import io.helidon.metrics.api.Timer;

/**
 * HikariCP's pool statistics as meters: connections by state ({@code db_pool_connections{state=...}}), threads
 * waiting for one, time to get one, and timeouts.
 */
public final class PoolMetrics implements MetricsTrackerFactory {

    private final OwnedMeters meters;

    public PoolMetrics(OwnedMeters meters) {
        this.meters = meters;
    }

    @Override
    public IMetricsTracker create(String poolName, PoolStats stats) {
        Tag pool = Tag.create("pool", poolName);
        gauge(pool, "active", stats, PoolStats::getActiveConnections);
        gauge(pool, "idle", stats, PoolStats::getIdleConnections);
        gauge(pool, "total", stats, PoolStats::getTotalConnections);
        gauge(pool, "max", stats, PoolStats::getMaxConnections);
        meters.register(Gauge.builder("db.pool.pending.threads", stats, PoolStats::getPendingThreads)
                                     .tags(List.of(pool))
                                     .description("Threads waiting for a database connection"));
        Counter timeouts = meters.register(Counter.builder("db.pool.connection.timeouts")
                                                        .tags(List.of(pool))
                                                        .description("Requests for a connection that timed out"));
        Timer acquire = meters.register(Timer.builder("db.pool.connection.acquire")
                                                     .tags(List.of(pool))
                                                     .description("Time to get a connection from the pool"));
        return new IMetricsTracker() {
            @Override
            public void recordConnectionAcquiredNanos(long nanos) {
                acquire.record(nanos, TimeUnit.NANOSECONDS);
            }

            @Override
            public void recordConnectionTimeout() {
                timeouts.increment();
            }
        };
    }

    /**
     * The requests' queue in front of the pool (the fair gate): borrowers wait there, not in HikariCP, so
     * {@code db_pool_pending_threads} stays near 0 under load and these are what show pool exhaustion; and whether the
     * database can be reached ({@code db_available}, 0 while the breaker is open).
     */
    public void trackQueue(IntSupplier waiting, LongSupplier timeouts, BooleanSupplier available) {
        meters.register(Gauge.builder("db.pool.queue.waiting", waiting, IntSupplier::getAsInt)
                                     .description("Requests waiting in the queue for a database connection"));
        meters.register(FunctionalCounter.builder("db.pool.queue.timeouts", timeouts, LongSupplier::getAsLong)
                                     .description("Requests that waited the whole time-out for a connection (503)"),
                        timeouts);
        meters.register(Gauge.builder("db.available", available, ok -> ok.getAsBoolean() ? 1 : 0)
                                     .description("1 while the database can be reached, 0 while requests get 503"));
    }

    private void gauge(Tag pool, String state, PoolStats stats, java.util.function.ToIntFunction<PoolStats> value) {
        meters.register(Gauge.builder("db.pool.connections", stats, s -> (double) value.applyAsInt(s))
                                     .tags(List.of(pool, Tag.create("state", state)))
                                     .description("Database connections by state"));
    }
}
