package io.fullstackhelidon.infra.cache;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Rows by id, kept for the lookups every request makes. Every write that changes a cached row invalidates its entry,
 * and an entry loaded while a write was under way is not stored, so the next lookup after a write sees it.
 *
 * @param <V> what is cached
 */
public interface EntityCache<V> extends AutoCloseable {

    /** The entry {@code id}, from the cache or else from {@code load} (whose answer is cached when present). */
    Optional<V> get(UUID id, Function<UUID, Optional<V>> load);

    /** Forgets {@code id}; called after the write is committed. */
    void invalidate(UUID id);

    /** Where entries live, for logs and readiness details. */
    String store();

    long hits();

    long misses();

    @Override
    default void close() {
    }

    /** No caching: every lookup loads. */
    static <V> EntityCache<V> none() {
        return new EntityCache<>() {
            @Override
            public Optional<V> get(UUID id, Function<UUID, Optional<V>> load) {
                return load.apply(id);
            }

            @Override
            public void invalidate(UUID id) {
            }

            @Override
            public String store() {
                return "none";
            }

            @Override
            public long hits() {
                return 0;
            }

            @Override
            public long misses() {
                return 0;
            }
        };
    }
}
