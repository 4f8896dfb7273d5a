package io.fullstackhelidon.owasp;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.RunningInstance;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestDatabases;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API4:2023 Unrestricted Resource Consumption: body, header, nesting and string limits answer clean 4xx; a
 * client that stops sending is dropped; a login flood queues for the bounded argon2 slots and the excess is answered
 * 503, never 500. (The per-client limit over the whole API is in {@link Api4PerClientLimitTest}.)
 */
@ServerTest
class Api4UnrestrictedResourceConsumptionTest {

    private final TestApi api;
    private final URI server;

    Api4UnrestrictedResourceConsumptionTest(Http1Client client, App app, URI server) {
        this.api = new TestApi(client, app);
        this.server = server;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        // the production cost of hashing, so that concurrent logins really contend for the hash slot
        Map<String, String> settings = new HashMap<>(TestSettings.PRODUCTION_HASHING);
        settings.put("http.body.timeout.seconds", "1");
        settings.put("server.idle-connection-timeout", "PT1S");
        settings.put("server.idle-connection-period", "PT1S");
        settings.put("security.password-hash.max-concurrent", "1");
        settings.put("security.password-hash.max-wait-millis", "50");
        TestServer.configure(server, settings);
    }

    @Test
    void aBodyOverTheLimitIsRefusedWith413() throws Exception {
        String huge = "{\"title\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
        // with "Expect: 100-continue" the client waits for the verdict instead of racing it with the body (a server
        // that refuses on Content-Length closes the connection, which could reset a client still sending)
        HttpResponse<String> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.resolve("/api/v1/users/signup"))
                        .expectContinue(true)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(huge)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).isEqualTo("{\"detail\":\"Request Entity Too Large\"}");
    }

    @Test
    void oversizedHeadersAreA4xx() throws IOException {
        String response = raw("GET /api/v1/utils/health-check/ HTTP/1.1\r\nHost: localhost\r\nX-Big: "
                              + "a".repeat(20_000) + "\r\n\r\n");

        assertThat(response).matches("(?s)HTTP/1.1 4\\d\\d .*").doesNotContain("Exception");
    }

    @Test
    void deepNestingAndHugeStringsAreRefusedBeforeTheyCostMemory() {
        String deep = "{\"a\":".repeat(100) + "1" + "}".repeat(100);
        Reply nested = api.post("/users/signup", null, deep);
        assertThat(nested.status()).isEqualTo(422);
        assertThat(nested.firstIssue().path("type").asText()).isEqualTo("json_invalid");

        Reply longTitle = api.post("/users/signup", null, "{\"email\":\"" + "a".repeat(300_000) + "@example.com\"}");
        assertThat(longTitle.status()).isEqualTo(422);
    }

    @Test
    void aClientThatStopsSendingItsBodyIsDisconnected() throws IOException {
        try (Socket slow = new Socket(server.getHost(), server.getPort())) {
            slow.setSoTimeout(10_000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST /api/v1/users/signup HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                       + "Content-Length: 100\r\n\r\n{\"email\":").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = slow.getInputStream();
            // returns only when the server closes the connection (the socket's own timeout is 10 s)
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).satisfiesAnyOf(text -> assertThat(text).isEmpty(),
                                              text -> assertThat(text).startsWith("HTTP/1.1 4"));
        }
    }

    /**
     * On an instance wired as {@code Main} wires it: the test extension's server configures its protocol twice, and
     * a listener with two protocol candidates waits for a first byte before Helidon's idle time-out can see the
     * connection.
     */
    @Test
    void aConnectionThatNeverSendsARequestIsClosed() throws IOException {
        try (RunningInstance instance = RunningInstance.start(TestDatabases.freshUrl(), Map.of(
                "server.idle-connection-timeout", "PT1S", "server.idle-connection-period", "PT1S"));
                Socket idle = new Socket("127.0.0.1", instance.server().port())) {
            idle.setSoTimeout(10_000);
            // returns only when the server closes the connection (the socket's own timeout is 10 s)
            assertThat(idle.getInputStream().read()).isEqualTo(-1);
        }
    }

    @Test
    void aLoginFloodIsQueuedThenRefusedWith503NeverA500() throws Exception {
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        HttpClient client = HttpClient.newHttpClient();
        String form = "username=" + TestSettings.SUPERUSER_EMAIL + "&password=" + TestSettings.SUPERUSER_PASSWORD;
        try (ExecutorService flood = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < 8; i++) {
                answers.add(flood.submit(() -> client.send(
                        HttpRequest.newBuilder(server.resolve("/api/v1/login/access-token"))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                        HttpResponse.BodyHandlers.ofString())));
            }
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<HttpResponse<String>> answer : answers) {
            HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
            statuses.add(response.statusCode());
            if (response.statusCode() == 503) {
                assertThat(response.headers().firstValue("Retry-After")).hasValue("1");
                assertThat(response.body()).contains("Too many password checks in progress");
            }
        }
        assertThat(statuses).isSubsetOf(200, 503).contains(503);
    }

    private String raw(String request) throws IOException {
        try (Socket socket = new Socket(server.getHost(), server.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            byte[] buffer = new byte[4096];
            int read = socket.getInputStream().read(buffer);
            return read < 0 ? "" : new String(buffer, 0, read, StandardCharsets.US_ASCII);
        }
    }
}
