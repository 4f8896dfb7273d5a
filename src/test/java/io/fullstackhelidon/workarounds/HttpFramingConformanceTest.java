package io.fullstackhelidon.workarounds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An HTTP/1.1 framing corpus (RFC 9112) sent over raw sockets to the API's port and to the management port: each case
 * gets the answer a strict server gives, never a 500 and never a WARN or ERROR line, and the connection is closed
 * whenever the framing is in doubt. Cases that are served prove their framing was read right by a request pipelined
 * behind them, which must be answered too. docs/reliability.md has the table, with h11's and nginx's answers.
 */
@ServerTest
class HttpFramingConformanceTest {

    private static final String JSON = "{\"title\":\"framed\"}";
    private static final Duration ANSWER_WAIT = Duration.ofSeconds(3);
    /** Silence this long after the last byte means the server keeps the connection open. */
    private static final Duration QUIET = Duration.ofMillis(700);
    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 (\\d{3}) ");

    private final WebServer server;
    private final TestApi api;
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    HttpFramingConformanceTest(WebServer server, Http1Client client, App app) {
        this.server = server;
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("management.port", "0"));
    }

    @BeforeEach
    void listen() {
        log.start();
        root.addAppender(log);
    }

    @AfterEach
    void nothingWasLoggedAsAServerProblem() {
        root.detachAppender(log);
        assertThat(log.list.stream().filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN))
                           // the server's loggers: Helidon's and ours (the tests' OpenAPI checker has its own)
                           .filter(event -> event.getLoggerName().startsWith("io.helidon")
                                            || event.getLoggerName().startsWith("io.fullstackhelidon"))
                           .map(ILoggingEvent::getFormattedMessage))
                .as("a client's framing is not a server problem").isEmpty();
    }

    /** A case: the request bytes, with {GET} and {POST} for a path of the port, and what the server must do. */
    record Case(String name, String request, int refusedWith, int answers) {

        static Case refused(String name, String request, int status) {
            return new Case(name, request, status, 1);
        }

        static Case served(String name, String request, int answers) {
            return new Case(name, request, 0, answers);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> corpus() {
        String host = "Host: 127.0.0.1\r\n";
        String get = "GET {GET} HTTP/1.1\r\n" + host + "\r\n";
        String post = "POST {POST} HTTP/1.1\r\n" + host + "Content-Type: application/json\r\n";
        return Stream.of(
                Case.refused("two Content-Length fields that differ",
                             post + "Content-Length: " + JSON.length() + "\r\nContent-Length: 5\r\n\r\n" + JSON, 400),
                Case.refused("two equal Content-Length fields",
                             post + "Content-Length: 5\r\nContent-Length: 5\r\n\r\nhello", 400),
                Case.refused("Content-Length with a plus sign", post + "Content-Length: +5\r\n\r\nhello", 400),
                Case.refused("a negative Content-Length", post + "Content-Length: -1\r\n\r\nhello", 400),
                Case.refused("an overflowing Content-Length",
                             post + "Content-Length: 99999999999999999999999\r\n\r\nhello", 400),
                Case.refused("a Content-Length over the payload limit",
                             post + "Content-Length: 2147483648\r\n\r\nhello", 413),
                Case.refused("Content-Length with Transfer-Encoding: chunked",
                             post + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
                             400),
                Case.refused("an unknown transfer coding",
                             post + "Transfer-Encoding: xchunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 400),
                Case.refused("a transfer coding besides chunked",
                             post + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
                Case.refused("a chunk size that is not hexadecimal",
                             post + "Transfer-Encoding: chunked\r\n\r\nzz\r\nhello\r\n0\r\n\r\n", 400),
                Case.refused("a huge chunk size",
                             post + "Transfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\nhello\r\n0\r\n\r\n", 400),
                Case.refused("chunk data longer than its size",
                             post + "Transfer-Encoding: chunked\r\n\r\n3\r\nhello\r\n0\r\n\r\n", 400),
                Case.served("chunk extensions and trailer fields",
                            post + "Transfer-Encoding: chunked\r\n\r\n5;ext=\"v\"\r\nhello\r\n0\r\nX-Trailer: 1\r\n\r\n"
                            + get, 2),
                Case.refused("obsolete line folding", "GET {GET} HTTP/1.1\r\n" + host + "X-A: a\r\n b\r\n\r\n", 400),
                Case.refused("whitespace before a colon", "GET {GET} HTTP/1.1\r\n" + host + "X-A : a\r\n\r\n", 400),
                Case.refused("whitespace before the colon of Content-Length",
                             post + "Content-Length : 5\r\n\r\nhello", 400),
                Case.refused("a bare LF between fields", "GET {GET} HTTP/1.1\r\n" + host + "X-A: a\nX-B: b\r\n\r\n",
                             400),
                Case.refused("bare LFs only", "GET {GET} HTTP/1.1\n" + "Host: 127.0.0.1\n\n", 400),
                Case.refused("a bare CR in a value", "GET {GET} HTTP/1.1\r\n" + host + "X-A: a\rb\r\n\r\n", 400),
                Case.refused("NUL in a value", "GET {GET} HTTP/1.1\r\n" + host + "X-A: a\u0000b\r\n\r\n", 400),
                Case.refused("a control character in a value",
                             "GET {GET} HTTP/1.1\r\n" + host + "X-A: a\u0001b\r\n\r\n", 400),
                Case.refused("an empty field name", "GET {GET} HTTP/1.1\r\n" + host + ": a\r\n\r\n", 400),
                Case.refused("two Host fields", "GET {GET} HTTP/1.1\r\n" + host + host + "\r\n", 400),
                Case.refused("no Host in HTTP/1.1", "GET {GET} HTTP/1.1\r\n\r\n", 400),
                Case.served("an absolute-form target", "GET http://127.0.0.1{GET} HTTP/1.1\r\n" + host + "\r\n", 1),
                Case.refused("an HTTP/1.0 request", "GET {GET} HTTP/1.0\r\n\r\n", 505),
                Case.refused("a tab in the request line", "GET\t{GET} HTTP/1.1\r\n" + host + "\r\n", 400),
                Case.refused("a method that is not a token", "G(T {GET} HTTP/1.1\r\n" + host + "\r\n", 400),
                Case.served("Expect: 100-continue without a body",
                            "GET {GET} HTTP/1.1\r\n" + host + "Expect: 100-continue\r\n\r\n", 1),
                Case.served("Expect: 100-continue with a body",
                            post + "Expect: 100-continue\r\nContent-Length: 5\r\n\r\nhello" + get, 2),
                Case.refused("an unknown expectation", post + "Expect: fancy\r\nContent-Length: 5\r\n\r\nhello", 417),
                Case.served("a body on GET", "GET {GET} HTTP/1.1\r\n" + host + "Content-Length: 5\r\n\r\nhello" + get,
                            2),
                Case.served("pipelined requests", get + get + get, 3),
                Case.served("an empty line before the request line", "\r\n" + get, 1),
                Case.refused("a request in doubt behind a good one", get + "GET {GET} HTTP/1.1\r\n" + host + host
                                                                      + "\r\n", 400));
    }

    static Stream<Arguments> casesOnBothPorts() {
        return corpus().flatMap(c -> Stream.of(Arguments.of("api", c), Arguments.of("management", c)));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("casesOnBothPorts")
    void eachCaseGetsTheStrictAnswer(String socket, Case c) throws IOException {
        boolean management = socket.equals("management");
        String request = c.request()
                .replace("{GET}", management ? "/health/live" : "/api/v1/utils/health-check/")
                .replace("{POST}", management ? "/health/live" : "/api/v1/utils/health-check/");

        Exchange exchange = exchange(management ? server.port("management") : server.port(), request);

        List<Integer> statuses = exchange.statuses();
        assertThat(statuses).as(exchange.text()).doesNotContain(500);
        if (c.refusedWith() != 0) {
            assertThat(statuses).as(exchange.text()).last().isEqualTo(c.refusedWith());
            assertThat(exchange.closed()).as("closed after %s", statuses).isTrue();
        } else {
            assertThat(statuses).as(exchange.text()).hasSize(c.answers())
                    .allSatisfy(status -> assertThat(status).isNotEqualTo(400).isLessThan(500));
            assertThat(exchange.closed()).as("kept open").isFalse();
        }
    }

    @Test
    void aChunkedBodyWithExtensionsAndTrailersArrivesWhole() throws IOException {
        String token = api.superuserToken();
        String request = "POST /api/v1/items/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                         + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
                         + "9;a=b\r\n" + JSON.substring(0, 9) + "\r\n" + Integer.toHexString(JSON.length() - 9)
                         + " ; c\r\n" + JSON.substring(9) + "\r\n0\r\nX-Checksum: none\r\n\r\n";

        Exchange exchange = exchange(server.port(), request);

        assertThat(exchange.statuses()).containsExactly(200);
        assertThat(exchange.text()).contains("\"title\":\"framed\"");
    }

    @Test
    void aBodyBrokenAfterItsHeadIsRefusedWith400AndTheConnectionClosed() throws Exception {
        String token = api.superuserToken();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout((int) QUIET.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/items/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                       + "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n")
                              .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200); // the handler is reading the body when the rest arrives
            out.write("5\r\n{\"tiXX".getBytes(StandardCharsets.US_ASCII));
            out.flush();

            Exchange exchange = read(socket.getInputStream());

            assertThat(exchange.statuses()).containsExactly(400);
            assertThat(exchange.closed()).isTrue();
        }
    }

    @Test
    void aClientThatGoesAwayInTheMiddleOfItsBodyIsNoServerError() throws Exception {
        String token = api.superuserToken();
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/v1/items/ HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token + "\r\n"
                       + "Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"title\":")
                              .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread.sleep(200);
        }
        // the closed connection's end reaches the handler; whatever it logs must be below WARN (checked after each)
        Thread.sleep(500);
        assertThat(api.superuserToken()).as("the service serves on").isNotEmpty();
    }

    private static Exchange exchange(int port, String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout((int) QUIET.toMillis());
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            return read(socket.getInputStream());
        }
    }

    /**
     * Everything the server sends until it closes, or until it has been quiet for the socket's read time-out (kept
     * open), within the answer wait.
     */
    private static Exchange read(InputStream in) throws IOException {
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        long deadline = System.nanoTime() + ANSWER_WAIT.toNanos();
        byte[] buffer = new byte[8192];
        while (System.nanoTime() < deadline) {
            int n;
            try {
                n = in.read(buffer);
            } catch (SocketTimeoutException quiet) {
                return new Exchange(received.toString(StandardCharsets.ISO_8859_1), false);
            } catch (SocketException reset) {
                return new Exchange(received.toString(StandardCharsets.ISO_8859_1), true);
            }
            if (n < 0) {
                return new Exchange(received.toString(StandardCharsets.ISO_8859_1), true);
            }
            received.write(buffer, 0, n);
        }
        return new Exchange(received.toString(StandardCharsets.ISO_8859_1), false);
    }

    /** What the server sent, and whether it closed the connection. */
    record Exchange(String text, boolean closed) {

        List<Integer> statuses() {
            Matcher matcher = STATUS_LINE.matcher(text);
            return matcher.results().map(result -> Integer.parseInt(result.group(1)))
                    // 100 Continue is an interim answer
                    .filter(status -> status != 100).toList();
        }
    }
}
