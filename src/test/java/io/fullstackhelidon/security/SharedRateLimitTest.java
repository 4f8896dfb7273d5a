package io.fullstackhelidon.security;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fullstackhelidon.App;
import io.fullstackhelidon.config.AppConfig;
import io.fullstackhelidon.config.Settings;
import io.fullstackhelidon.support.TestDatabases;
import io.fullstackhelidon.support.TestRedis;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances on one database and one Redis enforce one limit (against the real Redis of the machine); and with
 * Redis unreachable an instance keeps serving with its own limits and says so in readiness and metrics.
 */
class SharedRateLimitTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String PREFIX = "fsh-test-" + UUID.randomUUID() + ":";

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void twoInstancesShareOneLimitThroughRedis() throws Exception {
        String redis = TestRedis.requireRunning();
        String database = TestDatabases.freshUrl();
        String client = randomAddress();
        try (Instance first = Instance.start(database, redis); Instance second = Instance.start(database, redis)) {
            assertThat(signup(first, client)).isEqualTo(200);
            assertThat(signup(second, client)).isEqualTo(200);
            assertThat(signup(first, client)).isEqualTo(200);

            assertThat(signup(second, client)).as("the fourth sign-up, on either instance").isEqualTo(429);
            assertThat(signup(first, client)).isEqualTo(429);
            assertThat(readiness(first).toString()).contains("\"rate_limits\":\"redis\"");
        }
    }

    @Test
    void withRedisUnreachableLimitsAreEnforcedPerInstance() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            closedPort = probe.getLocalPort();
        }
        try (Instance instance = Instance.start(TestDatabases.freshUrl(), "redis://127.0.0.1:" + closedPort)) {
            String client = randomAddress();
            for (int i = 0; i < 3; i++) {
                assertThat(signup(instance, client)).isEqualTo(200);
            }
            assertThat(signup(instance, client)).as("still limited, per instance").isEqualTo(429);

            JsonNode ready = readiness(instance);
            assertThat(ready.path("status").asText()).as("serving, not failing closed").isEqualTo("UP");
            assertThat(ready.toString()).contains("\"reachable\":false")
                    .contains("\"rate_limits\":\"local (redis unreachable)\"");
            assertThat(get(instance, "/metrics").body()).contains("ratelimit_store_degraded{scope=\"application\",} 1.0");
        }
    }

    private int signup(Instance instance, String clientAddress) throws Exception {
        String body = MAPPER.writeValueAsString(Map.of("email", "u" + System.nanoTime() + "@example.com",
                                                       "password", "long-enough"));
        return http.send(HttpRequest.newBuilder(instance.uri("/api/v1/users/signup"))
                                 .header("Content-Type", "application/json")
                                 .header("X-Forwarded-For", clientAddress)
                                 .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                         HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private JsonNode readiness(Instance instance) throws Exception {
        return MAPPER.readTree(get(instance, "/health/ready").body());
    }

    private HttpResponse<String> get(Instance instance, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(instance.uri(path)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
    }

    /** One service instance with its own server. */
    private record Instance(App app, WebServer server) implements AutoCloseable {

        static Instance start(String databaseUrl, String redisUrl) throws IOException {
            Map<String, String> entries = new HashMap<>(Map.of(
                    "app.project-name", "Shared limits", "app.environment", "development",
                    "security.secret-key", TestSettings.SECRET_KEY,
                    "first-superuser.email", TestSettings.SUPERUSER_EMAIL,
                    "first-superuser.password", TestSettings.SUPERUSER_PASSWORD,
                    "database.url", databaseUrl, "redis.url", redisUrl,
                    "ratelimit.signup.requests", "3", "ratelimit.signup.seconds", "3600",
                    "proxy.trusted", "127.0.0.1,::1"));
            entries.put("redis.prefix", PREFIX);
            Settings settings = Settings.from(AppConfig.of(entries, Map.of()));
            App app = App.create(settings, Clock.systemUTC());
            WebServer server = WebServer.builder().host("127.0.0.1").port(0).shutdownHook(false)
                    .update(app::configure).build().start();
            return new Instance(app, server);
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + server.port() + path);
        }

        @Override
        public void close() {
            server.stop();
        }
    }
}
