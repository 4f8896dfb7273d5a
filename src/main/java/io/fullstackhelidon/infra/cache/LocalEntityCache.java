package io.fullstackhelidon.infra.cache;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Entries cached in this process (Caffeine). Only one instance sees its own invalidations: several instances need the
 * {@link RedisEntityCache}, or else accept up to one TTL of staleness on the others.
 *
 * @param <V> what is cached
 */
public final class LocalEntityCache<V> implements EntityCache<V> {

    private final Cache<UUID, V> entries;
    /** Bumped by every invalidation: a value loaded across one is not stored, as it may predate the write. */
    private final AtomicLong invalidations = new AtomicLong();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    public LocalEntityCache(Duration ttl, long maxEntries) {
        this.entries = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(maxEntries).build();
    }

    @Override
    public Optional<V> get(UUID id, Function<UUID, Optional<V>> load) {
        V cached = entries.getIfPresent(id);
        if (cached != null) {
            hits.increment();
            return Optional.of(cached);
        }
        misses.increment();
        long before = invalidations.get();
        Optional<V> loaded = load.apply(id);
        // the check runs inside compute so that an invalidation of this key cannot slip between check and store
        loaded.ifPresent(value -> entries.asMap().compute(id, (key, current) ->
                invalidations.get() == before ? value : current));
        return loaded;
    }

    @Override
    public void invalidate(UUID id) {
        invalidations.incrementAndGet();
        entries.invalidate(id);
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
