package io.fullstackhelidon.features.users;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

import io.fullstackhelidon.infra.cache.EntityCache;
import io.fullstackhelidon.infra.cache.LocalEntityCache;
import io.fullstackhelidon.infra.cache.RedisEntityCache;
import io.fullstackhelidon.infra.redis.Redis;

/**
 * Users by id for the current-user lookup of every authenticated request. Entries never hold the password hash; every
 * write that changes what is cached invalidates the entry, and an entry loaded while a write was under way is not
 * stored, so a deactivated or deleted user is rejected on the next request.
 */
public final class UserCache implements AutoCloseable {

    private final EntityCache<User> entries;

    UserCache(EntityCache<User> entries) {
        this.entries = entries;
    }

    /** No caching: every lookup loads. */
    public static UserCache none() {
        return new UserCache(EntityCache.none());
    }

    /** Users in this process, for one instance. */
    public static UserCache local(Duration ttl, long maxUsers) {
        return new UserCache(new LocalEntityCache<>(ttl, maxUsers));
    }

    /** Users in the Redis every instance shares. */
    public static UserCache shared(Redis redis, Duration ttl) {
        return new UserCache(new RedisEntityCache<>(redis, "user:", ttl, new CachedUserCodec()));
    }

    /** The user {@code id}, from the cache or else from {@code load} (whose answer is cached when present). */
    public Optional<User> get(UUID id, Function<UUID, Optional<User>> load) {
        return entries.get(id, key -> load.apply(key).map(User::withoutPasswordHash));
    }

    /** Forgets {@code id}; called after the write is committed. */
    public void invalidate(UUID id) {
        entries.invalidate(id);
    }

    /** Where entries live, for logs and readiness details. */
    public String store() {
        return entries.store();
    }

    public long hits() {
        return entries.hits();
    }

    public long misses() {
        return entries.misses();
    }

    @Override
    public void close() {
        entries.close();
    }
}
