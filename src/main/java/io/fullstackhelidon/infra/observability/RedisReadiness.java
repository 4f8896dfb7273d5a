package io.fullstackhelidon.infra.observability;

import java.util.function.Supplier;

import io.fullstackhelidon.infra.ratelimit.RedisRateLimiter;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness detail for Redis. It stays UP when Redis is unreachable, because the service keeps serving with
 * per-instance limits and users read from the database (taking every instance out of rotation would be failing
 * closed); the details say so.
 */
public final class RedisReadiness implements HealthCheck {

    private final RedisRateLimiter redis;
    private final Supplier<String> userCacheStore;

    /** {@code userCacheStore} tells where cached users live now ({@code redis}, or the fallback). */
    public RedisReadiness(RedisRateLimiter redis, Supplier<String> userCacheStore) {
        this.redis = redis;
        this.userCacheStore = userCacheStore;
    }

    @Override
    public HealthCheckType type() {
        return HealthCheckType.READINESS;
    }

    @Override
    public String name() {
        return "redis";
    }

    @Override
    public HealthCheckResponse call() {
        boolean reachable = redis.ping();
        return HealthCheckResponse.builder()
                .status(true)
                .detail("reachable", reachable)
                .detail("rate_limits", redis.store())
                .detail("user_cache", userCacheStore.get())
                .build();
    }
}
