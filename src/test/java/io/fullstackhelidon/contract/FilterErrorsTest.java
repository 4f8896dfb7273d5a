package io.fullstackhelidon.contract;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

import io.fullstackhelidon.domain.Throttled;
import io.fullstackhelidon.infra.db.DatabaseAvailability;

import io.helidon.config.Config;
import io.helidon.webclient.api.ClientResponseTyped;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An exception thrown by a routing filter reaches {@link ErrorMapping} like one thrown by an endpoint: Helidon runs
 * the whole filter chain under the routing's error handlers. A client still sending a body it will not get read gets
 * its answer too.
 */
@ServerTest
class FilterErrorsTest {

    private final Http1Client client;
    private final int port;

    FilterErrorsTest(Http1Client client, WebServer server) {
        this.client = client;
        this.port = server.port();
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.config(Config.empty());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        routing.addFilter((chain, request, response) -> {
            switch (request.path().path()) {
                case "/refused" -> throw new Throttled("Slow down", 7);
                case "/broken" -> throw new IllegalStateException("a defect");
                default -> chain.proceed();
            }
        });
        routing.any((request, response) -> response.send("routed"));
        new ErrorMapping(new Json(), DatabaseAvailability::refusalOf).register(routing);
    }

    @Test
    void aDomainRefusalFromAFilterGetsTheContractsAnswer() {
        ClientResponseTyped<String> answer = client.get("/refused").request(String.class);

        assertThat(answer.status().code()).isEqualTo(429);
        assertThat(answer.entity()).isEqualTo("{\"detail\":\"Slow down\"}");
        assertThat(answer.headers().first(io.helidon.http.HeaderNames.RETRY_AFTER)).hasValue("7");
    }

    @Test
    void aDefectInAFilterIsAnInternalErrorWithoutItsMessage() {
        ClientResponseTyped<String> answer = client.get("/broken").request(String.class);

        assertThat(answer.status().code()).isEqualTo(500);
        assertThat(answer.entity()).contains("\"detail\":\"Internal Server Error\"").doesNotContain("a defect");
    }

    @Test
    void aClientSendingABodyThatIsNeverReadStillGetsTheAnswer() throws Exception {
        byte[] body = new byte[900 * 1024];
        Arrays.fill(body, (byte) 'x');
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            byte[] head = ("POST /refused HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                           + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            // written aside, so that a server that never reads cannot block the test: the read below has a deadline
            Thread.ofVirtual().start(() -> {
                try {
                    OutputStream out = socket.getOutputStream();
                    out.write(head);
                    out.write(body);
                    out.flush();
                } catch (IOException closed) {
                    // the server answered and closed, or the test ended
                }
            });
            InputStream in = socket.getInputStream();
            byte[] statusLine = in.readNBytes(12);

            assertThat(new String(statusLine, StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 429");
        }
    }
}
