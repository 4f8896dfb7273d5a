package io.fullstackhelidon.features.users;

import java.time.Duration;

import io.fullstackhelidon.infra.cache.EntityCache;
import io.fullstackhelidon.infra.cache.LocalEntityCache;

import org.junit.jupiter.api.BeforeEach;

/** The in-process cache; its "views" are one and the same cache, as in one instance. */
class LocalUserCacheTest extends UserCacheContract {

    private EntityCache<User> cache;

    @BeforeEach
    void newCache() {
        cache = new LocalEntityCache<>(Duration.ofMinutes(1), 100);
    }

    @Override
    EntityCache<User> cache() {
        return cache;
    }
}
