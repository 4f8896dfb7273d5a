package io.fullstackhelidon.infra.observability;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jdk.jfr.FlightRecorder;
import jdk.jfr.RecordingState;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Health, request ids and the Prometheus metrics after real traffic. */
@ServerTest
class ObservabilityTest {

    private final TestApi api;
    private final Http1Client client;

    ObservabilityTest(Http1Client client, App app, URI uri) {
        this.api = new TestApi(client, app);
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        // e-mail on (towards a closed port) so that the e-mail counters exist
        TestServer.configure(server, Map.of("mail.host", "127.0.0.1", "mail.port", "9", "mail.tls", "false",
                                            "mail.from-email", "info@example.com"));
    }

    @Test
    void healthIsUpWithItsChecksNamed() {
        for (String path : new String[] {"/health", "/health/ready"}) {
            Reply reply = plain(path);
            assertThat(reply.status()).as(path).isEqualTo(200);
            assertThat(reply.header("Content-Type")).hasValue("application/json");
            JsonNode health = reply.json();
            assertThat(health.path("status").asText()).isEqualTo("UP");
            assertThat(health.path("checks").findValuesAsText("name")).contains("database", "accepting-traffic");
        }
        assertThat(plain("/health/live").status()).isEqualTo(200);
        assertThat(plain("/health/live").json().path("checks").findValuesAsText("name")).doesNotContain("database");
    }

    @Test
    void aWellFormedRequestIdIsKeptOtherwiseOneIsMade() {
        Reply kept = api.call(Method.GET, "/users/me", request -> request.header(
                RequestObserver.REQUEST_ID, "trace-42.a:b_c"), null);
        assertThat(kept.status()).isEqualTo(401);
        assertThat(kept.header("X-Request-Id")).hasValue("trace-42.a:b_c");

        Reply replaced = api.call(Method.GET, "/utils/health-check/", request -> request.header(
                RequestObserver.REQUEST_ID, "no spaces or <tags> allowed"), null);
        UUID made = UUID.fromString(replaced.header("X-Request-Id").orElseThrow());
        assertThat(made.version()).as("a random UUID").isEqualTo(4);
        assertThat(made.variant()).isEqualTo(2);

        Reply unknownPath = api.get("/nowhere", null);
        assertThat(unknownPath.header("X-Request-Id")).isPresent().isNotEqualTo(replaced.header("X-Request-Id"));
    }

    @Test
    void metricsUseRouteTemplatesAndStatusClasses() {
        String token = api.superuserToken();
        JsonNode item = api.randomItem();
        api.get("/items/" + item.path("id").asText(), token);
        api.get("/items/" + UUID.randomUUID(), token);
        api.post("/users/signup", null, Map.of("email", TestApi.randomEmail(), "password", "long-enough"));
        api.postForm("/login/access-token", Map.of("username", "nobody@example.com", "password", "wrong-one"));

        String metrics = plain("/metrics").text();

        assertThat(count(metrics, "http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/v1/items/\\{id\\}\","
                                  + "scope=\"application\",status=\"2xx\",\\}")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "http_server_requests_seconds_count\\{method=\"GET\",route=\"/api/v1/items/\\{id\\}\","
                                  + "scope=\"application\",status=\"4xx\",\\}")).isGreaterThanOrEqualTo(1);
        assertThat(metrics).contains("http_server_requests_seconds_bucket{method=\"GET\",route=\"/api/v1/items/{id}\"")
                .doesNotContain("route=\"/api/v1/items/" + item.path("id").asText())
                .contains("http_server_requests_active")
                .contains("db_pool_connections{pool=\"app\"")
                .contains("db_pool_pending_threads")
                .contains("db_pool_connection_timeouts_total")
                .contains("memory_usedHeap")
                .contains("vthreads_pinned_total")
                .contains("vthreads_submitFailures_total");
        assertThat(count(metrics, "app_logins_total\\{outcome=\"success\",scope=\"application\",\\}")).isGreaterThanOrEqualTo(2);
        assertThat(count(metrics, "app_logins_total\\{outcome=\"failure\",scope=\"application\",\\}")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "app_signups_total\\{scope=\"application\",\\}")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "app_items_created_total\\{scope=\"application\",\\}")).isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "app_items_inserted_total\\{scope=\"application\",\\}"))
                .isGreaterThanOrEqualTo(count(metrics, "app_items_insert_statements_total\\{scope=\"application\",\\}"))
                .isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "app_cache_tokens_total\\{outcome=\"hit\",scope=\"application\",\\}"))
                .as("the token's second request").isGreaterThanOrEqualTo(1);
        assertThat(count(metrics, "app_cache_tokens_total\\{outcome=\"miss\",scope=\"application\",\\}"))
                .as("its first").isGreaterThanOrEqualTo(1);
    }

    @Test
    void aVirtualThreadPinnedToItsCarrierIsCounted() throws Exception {
        awaitRunningRecording(); // the meters' recording starts once the application is ready, off its thread
        double before = count(plain("/metrics").text(), "vthreads_pinned_total\\{scope=\"application\",\\}");

        // a virtual thread that sleeps in a class initializer stays on its carrier, on JDK 21 and on 24+ alike
        Thread pinned = Thread.ofVirtual().start(SleepsWhileInitialized::touch);
        pinned.join(Duration.ofSeconds(5));

        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        double after = before;
        while (after <= before && System.nanoTime() < deadline) {
            Thread.sleep(100); // the Flight Recorder hands its events over about once a second
            after = count(plain("/metrics").text(), "vthreads_pinned_total\\{scope=\"application\",\\}");
        }
        assertThat(after).as("pinned virtual threads counted").isGreaterThan(before);
        assertThat(count(plain("/metrics").text(), "vthreads_recentPinned_seconds_count\\{scope=\"application\",\\}"))
                .isGreaterThanOrEqualTo(1);
    }

    private static void awaitRunningRecording() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (FlightRecorder.getFlightRecorder().getRecordings().stream()
                .noneMatch(recording -> recording.getState() == RecordingState.RUNNING)) {
            assertThat(System.nanoTime()).as("a running recording within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    /** Initialising this class takes 100 ms of sleep, while the initialising thread cannot unmount. */
    private static final class SleepsWhileInitialized {

        static {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        static void touch() {
        }
    }

    @Test
    void metricsArePrometheusText() {
        Reply reply = plain("/metrics");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/plain"));
        assertThat(reply.text()).contains("# TYPE http_server_requests_seconds histogram");
    }

    @Test
    void dashboardAndAlertQueriesUseMetricsTheServiceExports() throws Exception {
        api.postForm("/login/access-token", Map.of("username", "nobody@example.com", "password", "wrong-one"));
        String metrics = plain("/metrics").text();
        Path deploy = Path.of("deploy");
        String queries = Files.readString(deploy.resolve("grafana/dashboards/full-stack-helidon.json"))
                         + Files.readString(deploy.resolve("prometheus/alerts.yml"));

        Matcher names = Pattern.compile("([a-z][a-zA-Z0-9_]*)\\s*(?:\\{|\\[)").matcher(queries);
        int checked = 0;
        while (names.find()) {
            String name = names.group(1);
            if (!Set.of("by", "rate", "sum", "increase", "histogram_quantile", "clamp_min", "up").contains(name)) {
                assertThat(metrics).as("metric %s used by a dashboard or alert", name)
                        .containsPattern("(?m)^" + name + "[{ ]");
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(15);
    }

    private Reply plain(String path) {
        try (var response = client.get(path).request()) {
            return new Reply(response.status().code(), response.headers(), response.as(String.class));
        }
    }

    private static double count(String metrics, String series) {
        Matcher line = Pattern.compile("(?m)^" + series + " ([0-9.E+-]+)$").matcher(metrics);
        return line.find() ? Double.parseDouble(line.group(1)) : -1;
    }
}
