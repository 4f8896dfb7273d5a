package io.fullstackhelidon.infra.ratelimit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.fullstackhelidon.infra.config.RateLimitSettings.Rule;
import io.fullstackhelidon.infra.redis.Redis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;

/**
 * Buckets in Redis, so that every instance enforces one limit. When Redis fails (the policy of {@link Redis#call})
 * the service keeps serving and enforces the limits per instance instead (neither failing open nor closed); it says
 * so in the log, in the readiness details ({@link #store()}) and in the {@code ratelimit_store_degraded} gauge.
 */
public final class RedisRateLimiter implements RateLimiter {

    private final Redis redis;
    private final String prefix;
    private final LocalRateLimiter fallback;
    private final Duration longestPeriod;
    private volatile ProxyManager<byte[]> buckets;

    public RedisRateLimiter(Redis redis, Duration longestPeriod) {
        this.redis = redis;
        this.prefix = redis.keyPrefix() + "ratelimit:";
        this.fallback = new LocalRateLimiter(longestPeriod);
        this.longestPeriod = longestPeriod;
    }

    @Override
    public LimitDecision tryConsume(String key, Rule rule) {
        return redis.call(connection -> RateLimiter.decision(
                                  buckets().getProxy(bytes(rule, key), () -> RateLimiter.configuration(rule))
                                          .tryConsumeAndReturnRemaining(1), rule),
                          () -> fallback.tryConsume(key, rule));
    }

    @Override
    public LimitDecision peek(String key, Rule rule) {
        return redis.call(connection -> RateLimiter.decision(
                                  buckets().getProxy(bytes(rule, key), () -> RateLimiter.configuration(rule))
                                          .estimateAbilityToConsume(1), rule),
                          () -> fallback.peek(key, rule));
    }

    @Override
    public void reset(String key, Rule rule) {
        fallback.reset(key, rule);
        redis.call(connection -> {
            buckets().removeProxy(bytes(rule, key));
            return null;
        }, () -> null);
    }

    @Override
    public String store() {
        return degraded() ? "local (redis unreachable)" : "redis";
    }

    /** Asks Redis directly whether it answers; used by readiness. */
    public boolean ping() {
        return redis.call(connection -> "PONG".equals(connection.sync().ping()), () -> false);
    }

    public boolean degraded() {
        return redis.degraded();
    }

    /** The buckets' proxy on the shared connection; built once the connection is there (a race builds two, harmlessly). */
    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        if (current == null) {
            current = Bucket4jLettuce.casBasedBuilder(redis.connection())
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(longestPeriod))
                    .requestTimeout(redis.timeout())
                    .build();
            buckets = current;
        }
        return current;
    }

    private byte[] bytes(Rule rule, String key) {
        return (prefix + rule.name() + ":" + key).getBytes(StandardCharsets.UTF_8);
    }
}
