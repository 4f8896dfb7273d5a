package io.fullstackhelidon.infra.config;

import java.time.Duration;

/**
 * The user cache that spares every authenticated request a database read ({@code cache.users.*}), and the verified
 * tokens that spare it the token's verification ({@code cache.tokens.*}).
 *
 * @param userTtl    how long an entry lives; every write invalidates it at once, this only bounds how stale it can be
 *                   when an invalidation was lost (Redis unreachable during the write) or, without Redis, on another
 *                   instance; zero turns the cache off
 * @param maxUsers   entries kept in the process (the in-process cache only)
 * @param maxTokens  verified access tokens remembered in the process, each until it expires; zero verifies every
 *                   request's token
 */
public record CacheSettings(Duration userTtl, long maxUsers, long maxTokens) {

    public CacheSettings {
        if (userTtl.isNegative() || maxUsers < 1) {
            throw new ConfigurationException("cache.users needs ttl-seconds >= 0 and max-entries >= 1");
        }
        if (maxTokens < 0) {
            throw new ConfigurationException("cache.tokens needs max-entries >= 0");
        }
    }

    public boolean enabled() {
        return !userTtl.isZero();
    }
}
