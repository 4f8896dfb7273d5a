package io.fullstackhelidon.infra.observability;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * When the database goes away: a request that needs it gets 503 {@code Database unavailable} with
 * {@code Retry-After}, readiness then answers 503 at once naming the failing check, and the outage reaches Sentry (a
 * local fake DSN endpoint) once, tagged with the request id, route template and user id, without tokens or passwords.
 */
@ServerTest
class FailureReportingTest {

    private static final List<String> ENVELOPES = new CopyOnWriteArrayList<>();
    private static HttpServer fakeSentry;
    private static ErrorTracking errorTracking;

    private final TestApi api;
    private final Http1Client client;

    FailureReportingTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws IOException {
        fakeSentry = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        fakeSentry.createContext("/", exchange -> {
            try (InputStream body = exchange.getRequestBody()) {
                byte[] bytes = body.readAllBytes();
                boolean gzip = "gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"));
                ENVELOPES.add(new String(gzip ? new GZIPInputStream(new ByteArrayInputStream(bytes)).readAllBytes()
                                                 : bytes, StandardCharsets.UTF_8));
            }
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        fakeSentry.start();
        String dsn = "http://public@127.0.0.1:" + fakeSentry.getAddress().getPort() + "/1";
        errorTracking = ErrorTracking.start(Optional.of(dsn), false, "test", "full-stack-helidon@test");
        TestServer.configure(server);
    }

    @AfterAll
    static void stopTracking() {
        errorTracking.close();
        fakeSentry.stop(0);
    }

    @Test
    void databaseDownIsVisibleAndReported() {
        String token = api.superuserToken();
        String superuserId = api.users().findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow().id().toString();
        assertThat(get("/health/ready").status()).isEqualTo(200);

        api.app().database().close();

        Reply failed = api.get("/users/me", token);
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.text()).isEqualTo("{\"detail\":\"Database unavailable\"}");
        assertThat(failed.header("Retry-After")).hasValue("1");
        String requestId = failed.header("X-Request-Id").orElseThrow();
        assertThat(api.get("/users/me", token).status()).isEqualTo(503);

        Reply ready = get("/health/ready");
        assertThat(ready.status()).isEqualTo(503);
        JsonNode database = findCheck(ready.json(), "database");
        assertThat(database.path("status").asText()).isEqualTo("DOWN");
        assertThat(database.path("data").path("error").asText()).contains("Database unavailable");
        assertThat(get("/health/live").status()).isEqualTo(200);

        String event = awaitEnvelopeContaining(requestId);
        assertThat(event).contains("The database cannot be reached")
                .contains("\"route\":\"/api/v1/users/me\"")
                .contains("\"user_id\":\"" + superuserId + "\"")
                .doesNotContain(token)
                .doesNotContain(TestSettings.SUPERUSER_PASSWORD)
                .doesNotContain(TestSettings.SECRET_KEY);
    }

    private Reply get(String path) {
        try (var response = client.get(path).request()) {
            return new Reply(response.status().code(), response.headers(), response.as(String.class));
        }
    }

    private static JsonNode findCheck(JsonNode health, String name) {
        for (JsonNode check : health.path("checks")) {
            if (check.path("name").asText().equals(name)) {
                return check;
            }
        }
        throw new AssertionError("no check " + name + " in " + health);
    }

    private static String awaitEnvelopeContaining(String text) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            for (String envelope : ENVELOPES) {
                if (envelope.contains(text)) {
                    return envelope;
                }
            }
            Thread.onSpinWait();
        }
        throw new AssertionError("No Sentry event with " + text + " among " + ENVELOPES.size() + " envelopes");
    }
}
