package io.fullstackhelidon.support;

import java.time.Duration;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The Redis the multi-instance tests share: {@code TEST_REDIS_URL}, or a local one on the default port. Tests that
 * need it are skipped, saying so, where none answers; CI runs one and fails on any skip.
 */
public final class TestRedis {

    private TestRedis() {
    }

    public static String url() {
        String url = System.getenv("TEST_REDIS_URL");
        return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
    }

    /** Skips the calling test unless Redis answers PING. */
    public static String requireRunning() {
        assumeTrue(answers(), "needs Redis at " + url() + " (set TEST_REDIS_URL, or start redis-server)");
        return url();
    }

    private static boolean answers() {
        RedisURI uri = RedisURI.create(url());
        uri.setTimeout(Duration.ofSeconds(1));
        RedisClient client = RedisClient.create(uri);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            return "PONG".equals(connection.sync().ping());
        } catch (RuntimeException e) {
            return false;
        } finally {
            client.shutdown();
        }
    }
}
