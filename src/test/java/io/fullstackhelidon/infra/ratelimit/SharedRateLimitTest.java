package io.fullstackhelidon.infra.ratelimit;

import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.fullstackhelidon.support.RunningInstance;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestDatabases;
import io.fullstackhelidon.support.TestRedis;
import io.fullstackhelidon.support.TestSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database and one Redis enforce one limit (against the real Redis of the machine); and with
 * Redis unreachable an instance keeps serving with its own limits and says so in readiness and metrics.
 */
@Slow
class SharedRateLimitTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "fsh-test-" + UUID.randomUUID() + ":";

    @Test
    void twoInstancesShareOneLimitThroughRedis() throws Exception {
        String redis = TestRedis.requireRunning();
        String database = TestDatabases.freshUrl();
        String client = randomAddress();
        try (RunningInstance first = start(database, redis); RunningInstance second = start(database, redis)) {
            assertThat(signup(first, client)).isEqualTo(200);
            assertThat(signup(second, client)).isEqualTo(200);
            assertThat(signup(first, client)).isEqualTo(200);

            assertThat(signup(second, client)).as("the fourth sign-up, on either instance").isEqualTo(429);
            assertThat(signup(first, client)).isEqualTo(429);
            assertThat(readiness(first).toString()).contains("\"rate_limits\":\"redis\"")
                    .contains("\"user_cache\":\"redis\"");
        }
    }

    @Test
    void withRedisUnreachableLimitsAreEnforcedPerInstance() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (RunningInstance instance = start(TestDatabases.freshUrl(), "redis://127.0.0.1:" + closedPort)) {
            String client = randomAddress();
            for (int i = 0; i < 3; i++) {
                assertThat(signup(instance, client)).isEqualTo(200);
            }
            assertThat(signup(instance, client)).as("still limited, per instance").isEqualTo(429);
            assertThat(currentUserStatus(instance)).as("users come from the database").isEqualTo(200);

            JsonNode ready = readiness(instance);
            assertThat(ready.path("status").asText()).as("serving, not failing closed").isEqualTo("UP");
            assertThat(ready.toString()).contains("\"reachable\":false")
                    .contains("\"rate_limits\":\"local (redis unreachable)\"")
                    .contains("\"user_cache\":\"database (redis unreachable)\"");
            assertThat(instance.get("/metrics").body()).contains("ratelimit_store_degraded{scope=\"application\",} 1.0");
        }
    }

    private int signup(RunningInstance instance, String clientAddress) throws Exception {
        String body = MAPPER.writeValueAsString(Map.of("email", "u" + System.nanoTime() + "@example.com",
                                                       "password", "long-enough"));
        return instance.send("/api/v1/users/signup", request -> request
                .header("Content-Type", "application/json")
                .header("X-Forwarded-For", clientAddress)
                .POST(HttpRequest.BodyPublishers.ofString(body))).statusCode();
    }

    private int currentUserStatus(RunningInstance instance) throws Exception {
        String form = "username=" + TestSettings.SUPERUSER_EMAIL + "&password=" + TestSettings.SUPERUSER_PASSWORD;
        String token = MAPPER.readTree(instance.send("/api/v1/login/access-token", request -> request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form))).body()).path("access_token").asText();
        return instance.send("/api/v1/users/me", request -> request.header("Authorization", "Bearer " + token))
                .statusCode();
    }

    private JsonNode readiness(RunningInstance instance) throws Exception {
        return MAPPER.readTree(instance.get("/health/ready").body());
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    private static RunningInstance start(String databaseUrl, String redisUrl) {
        return RunningInstance.start(databaseUrl, Map.of(
                "redis.url", redisUrl, "redis.prefix", PREFIX,
                "ratelimit.signup.requests", "3", "ratelimit.signup.seconds", "3600",
                "proxy.trusted", "127.0.0.1,::1"));
    }
}
