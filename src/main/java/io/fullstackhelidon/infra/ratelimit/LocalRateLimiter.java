package io.fullstackhelidon.infra.ratelimit;

import java.time.Duration;

import io.fullstackhelidon.infra.config.RateLimitSettings.Rule;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;

/**
 * Buckets in this process, in a bounded cache that forgets idle ones (a forgotten bucket is a full one, so forgetting
 * after the longest refill period changes nothing).
 */
public final class LocalRateLimiter implements RateLimiter {

    private static final long MAX_BUCKETS = 1_000_000;

    private final Cache<String, Bucket> buckets;

    public LocalRateLimiter(Duration longestPeriod) {
        this.buckets = Caffeine.newBuilder()
                .maximumSize(MAX_BUCKETS)
                .expireAfterAccess(longestPeriod)
                .build();
    }

    @Override
    public LimitDecision tryConsume(String key, Rule rule) {
        return RateLimiter.decision(bucket(key, rule).tryConsumeAndReturnRemaining(1), rule);
    }

    @Override
    public LimitDecision peek(String key, Rule rule) {
        return RateLimiter.decision(bucket(key, rule).estimateAbilityToConsume(1), rule);
    }

    @Override
    public void reset(String key, Rule rule) {
        buckets.invalidate(rule.name() + ":" + key);
    }

    @Override
    public String store() {
        return "local";
    }

    private Bucket bucket(String key, Rule rule) {
        return buckets.get(rule.name() + ":" + key, ignored -> Bucket.builder()
                .addLimit(RateLimiter.bandwidth(rule))
                .build());
    }
}
