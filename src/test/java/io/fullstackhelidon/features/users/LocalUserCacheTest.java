package io.fullstackhelidon.features.users;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

/** The in-process cache; its "views" are one and the same cache, as in one instance. */
class LocalUserCacheTest extends UserCacheContract {

    private UserCache cache;

    @BeforeEach
    void newCache() {
        cache = UserCache.local(Duration.ofMinutes(1), 100);
    }

    @Override
    UserCache cache() {
        return cache;
    }
}
