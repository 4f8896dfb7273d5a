package io.fullstackhelidon.features.users;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import io.fullstackhelidon.infra.cache.EntityCache;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** What every cache of users must do; each implementation's test supplies two views of one shared cache. */
abstract class UserCacheContract {

    /** A cache; for a shared store, a new view of the same store as the one before. */
    abstract EntityCache<User> cache();

    @Test
    void aLoadedUserIsServedFromTheCacheWithoutItsPasswordHash() {
        EntityCache<User> cache = cache();
        User stored = user(true);
        CountingLoader loader = new CountingLoader(stored);

        Optional<User> first = cache.get(stored.id(), loader);
        Optional<User> second = cache.get(stored.id(), loader);

        assertThat(loader.calls()).as("the second lookup is a hit").isEqualTo(1);
        assertThat(second).contains(stored.withoutPasswordHash());
        assertThat(first).contains(stored.withoutPasswordHash());
        assertThat(second.orElseThrow().hashedPassword()).isEmpty();
        assertThat(cache.hits()).isEqualTo(1);
        assertThat(cache.misses()).isEqualTo(1);
    }

    @Test
    void anInvalidationOnAnyViewMakesTheNextLookupReadTheStoreAgain() {
        EntityCache<User> reader = cache();
        EntityCache<User> writer = cache();
        User active = user(true);
        reader.get(active.id(), new CountingLoader(active));

        User deactivated = new User(active.id(), active.email(), false, false, null, "hash", active.createdAt(), null);
        writer.invalidate(active.id());
        CountingLoader afterWrite = new CountingLoader(deactivated);

        assertThat(reader.get(active.id(), afterWrite)).hasValueSatisfying(user -> assertThat(user.isActive()).isFalse());
        assertThat(afterWrite.calls()).isEqualTo(1);
    }

    @Test
    void anAbsentUserIsNotCached() {
        EntityCache<User> cache = cache();
        CountingLoader nobody = new CountingLoader(null);
        UUID id = UUID.randomUUID();

        assertThat(cache.get(id, nobody)).isEmpty();
        assertThat(cache.get(id, nobody)).isEmpty();
        assertThat(nobody.calls()).isEqualTo(2);
    }

    @Test
    void aValueLoadedWhileAWriteWasInvalidatingIsNotStored() {
        EntityCache<User> reader = cache();
        EntityCache<User> writer = cache();
        User before = user(true);
        // the row is read, then another request commits a change and invalidates, then the old row would be stored
        Function<UUID, Optional<User>> racingLoad = id -> {
            writer.invalidate(id);
            return Optional.of(before.withoutPasswordHash());
        };

        assertThat(reader.get(before.id(), racingLoad)).contains(before.withoutPasswordHash());

        CountingLoader fresh = new CountingLoader(before);
        reader.get(before.id(), fresh);
        assertThat(fresh.calls()).as("the old row was not kept").isEqualTo(1);
    }

    static User user(boolean active) {
        return new User(UUID.randomUUID(), "cached-" + UUID.randomUUID() + "@example.com", active, false, "Cached",
                        "$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA", Instant.now().truncatedTo(ChronoUnit.MICROS), null);
    }

    /** Loads a fixed user (or none) and counts the calls. */
    static final class CountingLoader implements Function<UUID, Optional<User>> {

        private final User user;
        private final AtomicInteger calls = new AtomicInteger();

        CountingLoader(User user) {
            this.user = user;
        }

        @Override
        public Optional<User> apply(UUID id) {
            calls.incrementAndGet();
            // as UserService loads them: the cache is never handed a hash
            return Optional.ofNullable(user).map(User::withoutPasswordHash);
        }

        int calls() {
            return calls.get();
        }
    }
}
