package io.fullstackhelidon.users;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Users cached in this process (Caffeine). Only one instance sees its own invalidations: several instances need the
 * {@link RedisUserCache}, or else accept up to one TTL of staleness on the others.
 */
public final class LocalUserCache implements UserCache {

    private final Cache<UUID, User> users;
    /** Bumped by every invalidation: a value loaded across one is not stored, as it may predate the write. */
    private final AtomicLong invalidations = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public LocalUserCache(Duration ttl, long maxEntries) {
        this.users = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    @Override
    public Optional<User> get(UUID id, Function<UUID, Optional<User>> load) {
        User cached = users.getIfPresent(id);
        if (cached != null) {
            hits.increment();
            return Optional.of(cached);
        }
        misses.increment();
        long before = invalidations.get();
        Optional<User> loaded = load.apply(id).map(User::withoutPasswordHash);
        // the check runs inside compute so that an invalidation of this key cannot slip between check and store
        loaded.ifPresent(user -> users.asMap().compute(id, (key, current) ->
                invalidations.get() == before ? user : current));
        return loaded;
    }

    @Override
    public void invalidate(UUID id) {
        invalidations.incrementAndGet();
        users.invalidate(id);
    }

    @Override
    public String store() {
        return "local";
    }

    @Override
    public long hits() {
        return hits.sum();
    }

    @Override
    public long misses() {
        return misses.sum();
    }
}
