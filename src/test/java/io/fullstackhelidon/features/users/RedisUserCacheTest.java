package io.fullstackhelidon.features.users;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.fullstackhelidon.infra.cache.EntityCache;
import io.fullstackhelidon.infra.cache.RedisEntityCache;
import io.fullstackhelidon.infra.redis.Redis;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestRedis;
import io.fullstackhelidon.support.TestSettings;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shared cache against the machine's real Redis: each view has a connection of its own, as two instances would,
 * under one key prefix of this test's own.
 */
@Slow
class RedisUserCacheTest extends UserCacheContract {

    private final List<Redis> connections = new ArrayList<>();
    private String url;
    private String prefix;

    @BeforeEach
    void redis() {
        url = TestRedis.requireRunning();
        prefix = "fsh-test-" + UUID.randomUUID() + ":";
    }

    @AfterEach
    void closeConnections() {
        connections.forEach(Redis::close);
    }

    @Override
    EntityCache<User> cache() {
        Redis redis = new Redis(url, TestSettings.redis(prefix));
        connections.add(redis);
        return new RedisEntityCache<>(redis, "user:", Duration.ofMinutes(1), new CachedUserCodec());
    }

    @Test
    void withRedisUnreachableEveryLookupReadsTheDatabaseAndNothingFails() throws IOException {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        Redis unreachable = new Redis("redis://127.0.0.1:" + closedPort, TestSettings.redis(prefix));
        connections.add(unreachable);
        RedisEntityCache<User> cache = new RedisEntityCache<>(unreachable, "user:", Duration.ofMinutes(1),
                                                              new CachedUserCodec());
        User stored = user(true);
        CountingLoader loader = new CountingLoader(stored);

        assertThat(cache.get(stored.id(), loader)).contains(stored.withoutPasswordHash());
        assertThat(cache.get(stored.id(), loader)).contains(stored.withoutPasswordHash());
        cache.invalidate(stored.id());

        assertThat(loader.calls()).isEqualTo(2);
        assertThat(cache.store()).isEqualTo("database (redis unreachable)");
        assertThat(cache.errors()).isEqualTo(3);
    }

    @Test
    void aBlackHoledRedisIsLeftAloneAfterTheFirstFailures() throws Exception {
        try (ServerSocket blackHole = new ServerSocket(0)) {
            List<java.net.Socket> accepted = new ArrayList<>();
            Thread.ofVirtual().start(() -> {
                while (!blackHole.isClosed()) {
                    try {
                        accepted.add(blackHole.accept()); // and never answer
                    } catch (IOException closed) {
                        return;
                    }
                }
            });
            Redis silent = new Redis("redis://127.0.0.1:" + blackHole.getLocalPort(), TestSettings.redis(prefix));
            connections.add(silent);
            EntityCache<User> cache = new RedisEntityCache<>(silent, "user:", Duration.ofMinutes(1), new CachedUserCodec());
            User stored = user(true);
            CountingLoader loader = new CountingLoader(stored);
            for (int i = 0; i < 10; i++) {
                assertThat(cache.get(stored.id(), loader)).contains(stored.withoutPasswordHash());
            }

            for (int i = 0; i < 20; i++) {
                long start = System.nanoTime();
                assertThat(cache.get(stored.id(), loader)).contains(stored.withoutPasswordHash());
                assertThat(Duration.ofNanos(System.nanoTime() - start)).as("a call once Redis is known to fail")
                        .isLessThan(silent.timeout());
            }
            assertThat(cache.store()).isEqualTo("database (redis unreachable)");
        }
    }
}
