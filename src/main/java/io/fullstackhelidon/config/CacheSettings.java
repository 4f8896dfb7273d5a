package io.fullstackhelidon.config;

import java.time.Duration;

/**
 * The user cache that spares every authenticated request a database read ({@code cache.users.*}).
 *
 * @param userTtl    how long an entry lives; every write invalidates it at once, this only bounds how stale it can be
 *                   when an invalidation was lost (Redis unreachable during the write) or, without Redis, on another
 *                   instance; zero turns the cache off
 * @param maxUsers   entries kept in the process (the in-process cache only)
 */
public record CacheSettings(Duration userTtl, long maxUsers) {

    public CacheSettings {
        if (userTtl.isNegative() || maxUsers < 1) {
            throw new ConfigurationException("cache.users needs ttl-seconds >= 0 and max-entries >= 1");
        }
    }

    public boolean enabled() {
        return !userTtl.isZero();
    }
}
