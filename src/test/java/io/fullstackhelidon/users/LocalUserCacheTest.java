package io.fullstackhelidon.users;

import java.time.Duration;

import org.junit.jupiter.api.BeforeEach;

/** The in-process cache; its "views" are one and the same cache, as in one instance. */
class LocalUserCacheTest extends UserCacheContract {

    private LocalUserCache cache;

    @BeforeEach
    void newCache() {
        cache = new LocalUserCache(Duration.ofMinutes(1), 100);
    }

    @Override
    UserCache cache() {
        return cache;
    }
}
