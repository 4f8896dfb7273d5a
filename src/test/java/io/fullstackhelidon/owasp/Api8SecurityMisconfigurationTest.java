package io.fullstackhelidon.owasp;

import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API8:2023 Security Misconfiguration: protective headers on every answer, a CSP for the docs, no caching of
 * authenticated answers, HSTS behind a trusted TLS proxy, and health and metrics only on the management port.
 * (CORS for trusted origins only is in CorsTest; generic 500s without details in FailureReportingTest.)
 */
@ServerTest
class Api8SecurityMisconfigurationTest {

    private final TestApi api;
    private final WebServer server;
    private final Http1Client client;

    Api8SecurityMisconfigurationTest(Http1Client client, App app, WebServer server) {
        this.api = new TestApi(client, app);
        this.server = server;
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("management.port", "0", "proxy.trusted", "127.0.0.1,::1"));
    }

    @Test
    void everyAnswerCarriesProtectiveHeaders() {
        for (Reply reply : new Reply[] {api.get("/utils/health-check/", null), api.get("/users/me", null),
                                        api.get("/nowhere", null)}) {
            assertThat(reply.header("X-Content-Type-Options")).hasValue("nosniff");
            assertThat(reply.header("Referrer-Policy")).hasValue("no-referrer");
            assertThat(reply.header("X-Frame-Options")).hasValue("DENY");
            assertThat(reply.header("Strict-Transport-Security")).isEmpty();
        }
    }

    @Test
    void authenticatedAnswersAreNotCached() {
        assertThat(api.get("/users/me", api.superuserToken()).header("Cache-Control")).hasValue("no-store");
        assertThat(api.get("/utils/health-check/", null).header("Cache-Control")).isEmpty();
    }

    @Test
    void theDocsHaveAContentSecurityPolicy() {
        try (var response = client.get("/docs").request()) {
            assertThat(response.headers().first(HeaderNames.create("Content-Security-Policy")))
                    .hasValueSatisfying(policy -> assertThat(policy).contains("default-src 'self'")
                            .contains("frame-ancestors 'none'"));
        }
    }

    @Test
    void hstsWhenATrustedProxyTerminatedTls() {
        Reply reply = api.call(Method.GET, "/utils/health-check/",
                               request -> request.header(HeaderNames.X_FORWARDED_PROTO, "https"), null);

        assertThat(reply.header("Strict-Transport-Security")).hasValue("max-age=31536000; includeSubDomains");
    }

    @Test
    void healthAndMetricsAreOnlyOnTheManagementPort() {
        try (var health = client.get("/health").request(); var metrics = client.get("/metrics").request()) {
            assertThat(health.status().code()).isEqualTo(404);
            assertThat(metrics.status().code()).isEqualTo(404);
        }
        int port = server.port("management");
        assertThat(port).isPositive().isNotEqualTo(server.port());
        Http1Client management = Http1Client.builder().baseUri("http://localhost:" + port).build();
        try (var health = management.get("/health/ready").request();
                var metrics = management.get("/metrics").request()) {
            assertThat(health.status().code()).isEqualTo(200);
            assertThat(metrics.status().code()).isEqualTo(200);
        }
    }
}
