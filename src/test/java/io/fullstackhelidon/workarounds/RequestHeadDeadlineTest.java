package io.fullstackhelidon.workarounds;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.fullstackhelidon.support.RawHttp;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestServer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow-header clients: a request head (request line and fields) trickled a byte at a time or stalled is cut off once
 * the head deadline (here 600 ms) has passed since its first byte, and a connection that sends nothing once it has
 * passed since the accept, silently (no WARN or ERROR, nor when a client goes away in the middle of its headers); a
 * keep-alive connection idle between requests for longer than the head deadline keeps working (Helidon's idle time-out,
 * here 4 s, ends those), and a client sending normally is unaffected.
 */
@Slow
class RequestHeadDeadlineTest {

    private static final Duration DEADLINE = Duration.ofMillis(600);
    /** The longest the service may take to cut a slow head off, beyond the deadline. */
    private static final Duration SLACK = Duration.ofSeconds(2);
    /**
     * The listener's idle time-out here, which bounds the wait for a request line; well above the keep-alive test's
     * pause (twice the deadline): at 2 s, a CI run under load once saw that connection closed before its second
     * request.
     */
    private static final Duration IDLE = Duration.ofMillis(4000);
    private static final String REQUEST = "GET /api/v1/utils/health-check/ HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

    private static WebServer server;
    private static int port;
    private static Http1Client client;

    /**
     * Built as Main builds it: Helidon's test extension copies the listener's settings into the server again, which
     * lists each connection selector twice, and with two Helidon reads a connection's first bytes before choosing
     * one, so that a connection that sends nothing would never reach the deadline's accept.
     */
    @BeforeAll
    static void start() {
        server = WebServer.builder()
                .update(builder -> TestServer.configure(builder, Map.of(
                        "http.head.timeout-millis", Long.toString(DEADLINE.toMillis()),
                        "server.idle-connection-timeout", "PT" + IDLE.toMillis() / 1000.0 + "S",
                        "server.idle-connection-period", "PT0.2S")))
                .build()
                .start();
        port = server.port();
        client = Http1Client.builder().baseUri("http://localhost:" + port).build();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void tricklingHeadersAreCutOffSilently() throws Exception {
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            Duration trickled = timeUntilClosed("GET /api/v1/utils/health-check/ HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                                                "X-Slow: abcdefghijklmnopqrstuvwxyz0123456789\r\n");
            Duration stalledHeaders = timeUntilClosed("GET /api/v1/utils/health-check/ HTTP/1.1\r\nHost: x", "");
            Duration trickledLine = timeUntilClosed("G", "ET /api/v1/utils/health-check/?padding=abcdefghijklmnop");
            Duration stalledLine = timeUntilClosed("GET /api/v1/ut", "");
            Duration silent = timeUntilClosed("", "");

            assertThat(trickled).isBetween(DEADLINE, DEADLINE.plus(SLACK));
            assertThat(stalledHeaders).isBetween(DEADLINE, DEADLINE.plus(SLACK));
            assertThat(trickledLine).as("a request line trickled").isBetween(DEADLINE, DEADLINE.plus(SLACK));
            assertThat(stalledLine).as("a stalled request line").isBetween(DEADLINE, DEADLINE.plus(SLACK));
            assertThat(silent).as("nothing sent after the accept").isBetween(DEADLINE, DEADLINE.plus(SLACK));
            try (Socket goesAway = new Socket("127.0.0.1", port)) {
                goesAway.getOutputStream().write("GET /api/v1/utils/health-check/ HTTP/1.1\r\nHost: x\r\nX-Par"
                                                         .getBytes(StandardCharsets.US_ASCII));
                goesAway.getOutputStream().flush();
                Thread.sleep(100);
            }
            assertThat(client.get("/api/v1/utils/health-check/").request(String.class).status().code())
                    .as("others are served").isEqualTo(200);
            assertThat(metric()).as("counted").isGreaterThanOrEqualTo(5);
            Thread.sleep(200); // the cut connections' threads end
            List<ILoggingEvent> complaints = log.list.stream()
                    .filter(event -> event.getLevel().isGreaterOrEqual(Level.WARN)).toList();
            assertThat(complaints).as("a client that is cut off is not a server error").isEmpty();
        } finally {
            root.detachAppender(log);
        }
    }

    @Test
    void aKeepAliveConnectionIdleBetweenRequestsIsNotCutOff() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200");

            Thread.sleep(DEADLINE.multipliedBy(2).toMillis()); // past the head deadline, within the idle time-out

            out.write(REQUEST.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertThat(RawHttp.readResponse(socket.getInputStream())).startsWith("HTTP/1.1 200");
        }
    }

    /** Sends {@code start}, then {@code trickle} a byte every 100 ms (or nothing), until the service closes. */
    private Duration timeUntilClosed(String start, String trickle) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(200);
            OutputStream out = socket.getOutputStream();
            Instant began = Instant.now();
            out.write(start.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Instant deadline = began.plus(IDLE).plus(SLACK).plusSeconds(1);
            int next = 0;
            while (Instant.now().isBefore(deadline)) {
                try {
                    if (socket.getInputStream().read() < 0) {
                        return Duration.between(began, Instant.now());
                    }
                } catch (java.net.SocketTimeoutException stillOpen) {
                    // nothing from the service yet
                } catch (SocketException reset) {
                    return Duration.between(began, Instant.now());
                }
                if (!trickle.isEmpty()) {
                    try {
                        out.write(trickle.charAt(next++ % trickle.length()));
                        out.flush();
                    } catch (IOException closed) {
                        return Duration.between(began, Instant.now());
                    }
                }
            }
            throw new AssertionError("still open " + Duration.between(began, Instant.now()).toMillis() + " ms later");
        }
    }

    private double metric() {
        return client.get("/metrics").request(String.class).entity().lines()
                .filter(line -> line.startsWith("http_slow_head_closed_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }
}
