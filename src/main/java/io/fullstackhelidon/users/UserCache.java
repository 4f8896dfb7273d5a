package io.fullstackhelidon.users;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Users by id for the current-user lookup of every authenticated request. Entries never hold the password hash; every
 * write that changes what is cached invalidates the entry, and an entry loaded while a write was under way is not
 * stored, so a deactivated or deleted user is rejected on the next request.
 */
public interface UserCache extends AutoCloseable {

    /** The user {@code id}, from the cache or else from {@code load} (whose answer is cached when present). */
    Optional<User> get(UUID id, Function<UUID, Optional<User>> load);

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
    static UserCache none() {
        return new UserCache() {
            @Override
            public Optional<User> get(UUID id, Function<UUID, Optional<User>> load) {
                return load.apply(id).map(User::withoutPasswordHash);
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
