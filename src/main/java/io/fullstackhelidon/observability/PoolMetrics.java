package io.fullstackhelidon.observability;

import java.util.List;
import java.util.concurrent.TimeUnit;

import com.zaxxer.hikari.metrics.IMetricsTracker;
import com.zaxxer.hikari.metrics.MetricsTrackerFactory;
import com.zaxxer.hikari.metrics.PoolStats;
import io.helidon.metrics.api.Counter;
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

    private void gauge(Tag pool, String state, PoolStats stats, java.util.function.ToIntFunction<PoolStats> value) {
        meters.register(Gauge.builder("db.pool.connections", stats, s -> (double) value.applyAsInt(s))
                                     .tags(List.of(pool, Tag.create("state", state)))
                                     .description("Database connections by state"));
    }
}
