package io.fullstackhelidon.infra.http;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Large bodies (here over 1 KiB) are processed one at a time: while one is in progress another is answered 503 with
 * {@code Retry-After} after the short wait, small requests are served as usual, and once the first is done the next
 * large one is processed (its 422 says the title is too long).
 */
@ServerTest
class LargeBodyLimitTest {

    private static final int LARGE = 5000;

    private final TestApi api;
    private final int port;

    LargeBodyLimitTest(Http1Client client, App app, WebServer server) {
        this.api = new TestApi(client, app);
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("http.large-body.threshold-bytes", "1024",
                                            "http.large-body.max-concurrent", "1",
                                            "http.large-body.max-wait-millis", "200"));
    }

    @Test
    void largeBodiesTakeTurnsAndSmallOnesNeverWait() throws Exception {
        String large = "{\"title\":\"" + "x".repeat(LARGE) + "\"}";
        String token = api.superuserToken();
        try (Socket holder = new Socket("127.0.0.1", port)) {
            holder.setSoTimeout(10_000);
            OutputStream out = holder.getOutputStream();
            out.write(("POST /api/v1/items/ HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                       + token + "\r\nContent-Length: " + large.length() + "\r\n\r\n" + large.substring(0, 100))
                              .getBytes(StandardCharsets.US_ASCII));
            out.flush();

            Reply refused = awaitRefused(large, token);
            assertThat(refused.text()).isEqualTo("{\"detail\":\"" + LargeBodyLimit.BUSY + "\"}");
            assertThat(refused.header("Retry-After")).hasValue("1");
            Reply small = api.post("/items/", token, Map.of("title", "small"));
            assertThat(small.status()).as("a small request does not wait").isEqualTo(200);

            out.write(large.substring(100).getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(new String(holder.getInputStream().readNBytes(12), StandardCharsets.US_ASCII))
                    .isEqualTo("HTTP/1.1 422");
        }
        Reply next = api.json(Method.POST, "/items/", token, large);
        assertThat(next.status()).as("the next large body is processed").isEqualTo(422);
        assertThat(next.firstIssue().path("type").asText()).isEqualTo("string_too_long");
    }

    private Reply awaitRefused(String large, String token) throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(5);
        Reply reply = api.json(Method.POST, "/items/", token, large);
        while (reply.status() != 503 && Instant.now().isBefore(deadline)) {
            Thread.sleep(20);
            reply = api.json(Method.POST, "/items/", token, large);
        }
        assertThat(reply.status()).as("a second large body while the first is in progress").isEqualTo(503);
        return reply;
    }
}
