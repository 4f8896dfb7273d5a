package io.fullstackhelidon.observability;

import io.fullstackhelidon.ratelimit.RedisRateLimiter;

import io.helidon.health.HealthCheck;
import io.helidon.health.HealthCheckResponse;
import io.helidon.health.HealthCheckType;

/**
 * Readiness detail for Redis. It stays UP when Redis is unreachable, because the service keeps serving with
 * per-instance limits (taking every instance out of rotation would be failing closed); the details say so.
 */
public final class RedisReadiness implements HealthCheck {

    private final RedisRateLimiter redis;

    public RedisReadiness(RedisRateLimiter redis) {
        this.redis = redis;
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
                .build();
    }
}
