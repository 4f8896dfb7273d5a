package io.fullstackhelidon.ratelimit;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.fullstackhelidon.config.RateLimitSettings.Rule;
import io.fullstackhelidon.redis.Redis;

import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;


/**
 * Buckets in Redis, so that every instance enforces one limit. When Redis cannot be reached the service keeps serving
 * and enforces the limits per instance instead (neither failing open nor closed); it says so in the log, in the
 * readiness details ({@link #store()}) and in the {@code ratelimit_store_degraded} gauge, and tries Redis again after
 * a short pause.
 */
public final class RedisRateLimiter implements RateLimiter {

    private static final System.Logger LOGGER = System.getLogger(RedisRateLimiter.class.getName());
    private static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);

    private final Redis redis;
    private final String prefix;
    private final LocalRateLimiter fallback;
    private final Duration longestPeriod;
    private final AtomicReference<Instant> unreachableUntil = new AtomicReference<>(Instant.MIN);
    private volatile boolean degraded;
    private volatile ProxyManager<byte[]> buckets;

    public RedisRateLimiter(Redis redis, Duration longestPeriod) {
        this.redis = redis;
        this.prefix = redis.keyPrefix() + "ratelimit:";
        this.fallback = new LocalRateLimiter(longestPeriod);
        this.longestPeriod = longestPeriod;
    }

    @Override
    public Decision tryConsume(String key, Rule rule) {
        return withRedis(() -> RateLimiter.decision(
                                 buckets().getProxy(bytes(rule, key), () -> RateLimiter.configuration(rule))
                                         .tryConsumeAndReturnRemaining(1), rule),
                         () -> fallback.tryConsume(key, rule));
    }

    @Override
    public Decision peek(String key, Rule rule) {
        return withRedis(() -> RateLimiter.decision(
                                 buckets().getProxy(bytes(rule, key), () -> RateLimiter.configuration(rule))
                                         .estimateAbilityToConsume(1), rule),
                         () -> fallback.peek(key, rule));
    }

    @Override
    public void reset(String key, Rule rule) {
        fallback.reset(key, rule);
        withRedis(() -> {
            buckets().removeProxy(bytes(rule, key));
            return null;
        }, () -> null);
    }

    @Override
    public String store() {
        return degraded ? "local (redis unreachable)" : "redis";
    }

    /** Asks Redis directly whether it answers, updating the degraded state; used by readiness. */
    public boolean ping() {
        return withRedis(() -> "PONG".equals(redis.connection().sync().ping()), () -> false);
    }

    public boolean degraded() {
        return degraded;
    }


    private <T> T withRedis(Supplier<T> redis, Supplier<T> local) {
        if (Instant.now().isBefore(unreachableUntil.get())) {
            return local.get();
        }
        try {
            T result = redis.get();
            if (degraded) {
                degraded = false;
                LOGGER.log(Level.WARNING, "Redis is reachable again: rate limits are shared by all instances");
            }
            return result;
        } catch (RuntimeException e) {
            unreachableUntil.set(Instant.now().plus(RETRY_AFTER_FAILURE));
            if (!degraded) {
                degraded = true;
                LOGGER.log(Level.WARNING, "Redis is unreachable (" + e.getClass().getSimpleName() + ": "
                                          + e.getMessage() + "): rate limits are enforced per instance until it "
                                          + "answers again");
            }
            return local.get();
        }
    }

    private ProxyManager<byte[]> buckets() {
        ProxyManager<byte[]> current = buckets;
        if (current == null) {
            synchronized (this) {
                if (buckets == null) {
                    buckets = Bucket4jLettuce.casBasedBuilder(redis.connection())
                            .expirationAfterWrite(ExpirationAfterWriteStrategy
                                                          .basedOnTimeForRefillingBucketUpToMax(longestPeriod))
                            .requestTimeout(Redis.TIMEOUT)
                            .build();
                }
                current = buckets;
            }
        }
        return current;
    }

    private byte[] bytes(Rule rule, String key) {
        return (prefix + rule.name() + ":" + key).getBytes(StandardCharsets.UTF_8);
    }
}
