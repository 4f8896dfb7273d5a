package io.fullstackhelidon.workarounds;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import io.fullstackhelidon.infra.observability.Logging;
import io.fullstackhelidon.support.RawHttp;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.turbo.TurboFilter;
import ch.qos.logback.core.read.ListAppender;
import io.helidon.common.Version;
import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionListener;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gaps of Helidon that our workarounds stand in for, each pinned on a plain Helidon server (none of our code in
 * the way). A test here that fails after an upgrade means Helidon now does that job itself: the entry of
 * {@code docs/decisions/helidon-workarounds.md} named in the test says what to delete. Each test asserts the gap, so
 * it passes today only because the gap is there.
 */
class HelidonDefectsTest {

    private static final AtomicInteger DATA_EVENTS = new AtomicInteger();
    private static final AtomicInteger PROLOGUE_EVENTS = new AtomicInteger();

    /** Larger than any socket buffer on the way: its write waits for the client to read. */
    private static final int LARGE_BODY = 8 << 20;

    private static WebServer plain;

    @BeforeAll
    static void start() {
        Logging.bridgeJavaUtilLogging();
        Http1ConnectionListener counting = new Http1ConnectionListener() {
            @Override
            public void data(ConnectionContext context, BufferData data) {
                DATA_EVENTS.incrementAndGet();
            }

            @Override
            public void data(ConnectionContext context, byte[] bytes, int offset, int length) {
                DATA_EVENTS.incrementAndGet();
            }

            @Override
            public void prologue(ConnectionContext context, io.helidon.http.HttpPrologue prologue) {
                PROLOGUE_EVENTS.incrementAndGet();
            }
        };
        plain = WebServer.builder()
                .host("127.0.0.1")
                .port(0)
                .idleConnectionTimeout(Duration.ofMillis(500))
                .idleConnectionPeriod(Duration.ofMillis(100))
                .protocols(List.of(Http1Config.builder().addReceiveListener(counting).build()))
                .protocolsDiscoverServices(false)
                .routing(routing -> routing.post("/echo", (request, response) ->
                                response.send(request.content().as(String.class)))
                        .get("/large", (request, response) -> response.send(new byte[LARGE_BODY])))
                .build()
                .start();
    }

    @AfterAll
    static void stop() {
        plain.stop();
    }

    /** Ledger: "Helidon version". Every entry there was checked against this version; an upgrade re-checks them. */
    @Test
    void theLedgerWasWrittenForThisHelidon() {
        assertThat(Version.VERSION)
                .as("Helidon changed: re-run this class and read docs/decisions/helidon-workarounds.md")
                .isEqualTo("4.1.7");
    }

    /** Ledger: "Chunk extensions and trailers" (RequestFraming removes them before Helidon parses). */
    @Test
    void aChunkExtensionIsNotServed() throws IOException {
        String status = statusOf("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 + "5;name=value\r\nhello\r\n0\r\n\r\n");

        assertThat(status).doesNotStartWith("HTTP/1.1 200");
    }

    /** Ledger: "Chunk extensions and trailers". */
    @Test
    void aTrailerFieldIsNotServed() throws IOException {
        String status = statusOf("POST /echo HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                                 + "5\r\nhello\r\n0\r\nX-Checksum: 1\r\n\r\n");

        assertThat(status).doesNotStartWith("HTTP/1.1 200");
    }

    /**
     * Ledger: "Connection bytes and the head deadline" (StrictHttp1 wraps the connection's reader, because a receive
     * listener never sees the bytes).
     */
    @Test
    void aReceiveListenerHearsThePrologueButNeverTheData() throws IOException {
        int dataBefore = DATA_EVENTS.get();
        int prologuesBefore = PROLOGUE_EVENTS.get();

        assertThat(statusOf("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"))
                .startsWith("HTTP/1.1 200");
        assertThat(PROLOGUE_EVENTS.get()).as("the listener is installed").isGreaterThan(prologuesBefore);
        assertThat(DATA_EVENTS.get()).as("data events").isEqualTo(dataBefore);
    }

    /**
     * Ledger: "Connection bytes and the head deadline": a head trickled a byte at a time is not cut, although this
     * server's idle time-out is a quarter of the time it is given here.
     */
    @Test
    void aTrickledHeadIsNotCut() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", plain.port())) {
            OutputStream out = socket.getOutputStream();
            out.write("POST /echo HTTP/1.1\r\nHost: h\r\n".getBytes(StandardCharsets.US_ASCII));
            for (int i = 0; i < 10; i++) {
                Thread.sleep(200);
                out.write('x');
                out.flush();
            }
            socket.setSoTimeout(200);
            boolean answeredOrClosed;
            try {
                socket.getInputStream().read();
                answeredOrClosed = true;
            } catch (SocketTimeoutException noAnswerYet) {
                answeredOrClosed = false;
            }
            assertThat(answeredOrClosed).as("the server cut the trickled head within 2 s").isFalse();
        }
    }

    /** Ledger: "Slow request bodies" (SlowBodyGuard): nothing bounds the wait for a body that stalls. */
    @Test
    void aStalledBodyIsWaitedForBeyondEveryTimeOutThisServerHas() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", plain.port())) {
            socket.getOutputStream().write("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nab"
                                                   .getBytes(StandardCharsets.US_ASCII));
            // four times the idle time-out, the only time-out configured here
            socket.setSoTimeout(2000);
            InputStream in = socket.getInputStream();
            boolean answeredOrClosed;
            try {
                in.read();
                answeredOrClosed = true;
            } catch (SocketTimeoutException noAnswerYet) {
                answeredOrClosed = false;
            }
            assertThat(answeredOrClosed).as("the server answered or closed within 2 s").isFalse();
        }
    }

    /**
     * Ledger: "Clients that go away mid-request" (ClientDisconnects): Helidon logs a client that leaves in the middle
     * of its body as a server warning with a stack trace.
     */
    @Test
    void aClientLeavingMidBodyIsLoggedAsAWarning() throws Exception {
        assertThat(warningsWithoutOurFilter(() -> {
            try (Socket socket = new Socket("127.0.0.1", plain.port())) {
                OutputStream out = socket.getOutputStream();
                out.write("POST /echo HTTP/1.1\r\nHost: h\r\nContent-Length: 10\r\n\r\nab"
                                  .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(100);
            }
        })).isNotEmpty();
    }

    /**
     * Ledger: "Clients that go away mid-request" (ClientDisconnects): Helidon logs a client that leaves while its
     * answer is written ("cannot send error response, as response already sent", a broken pipe) the same way.
     */
    @Test
    void aClientLeavingWhileItsAnswerIsWrittenIsLoggedAsAWarning() throws Exception {
        assertThat(warningsWithoutOurFilter(() -> RawHttp.leaveWhileAnswered(plain.port(), "/large"))).isNotEmpty();
    }

    /** What a client does to the server. */
    private interface ClientAction {
        void run() throws Exception;
    }

    /** The server's warnings with a stack trace while {@code action} runs, ClientDisconnects out of the way. */
    private static List<ILoggingEvent> warningsWithoutOurFilter(ClientAction action) throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        List<TurboFilter> ours = logging.getTurboFilterList().stream()
                .filter(ClientDisconnects.class::isInstance).toList();
        logging.getTurboFilterList().removeAll(ours);
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        try {
            action.run();
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (log.list.stream().noneMatch(HelidonDefectsTest::serverWarningWithTrace)
                   && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            return log.list.stream().filter(HelidonDefectsTest::serverWarningWithTrace).toList();
        } finally {
            root.detachAppender(log);
            logging.getTurboFilterList().addAll(ours);
        }
    }

    private static boolean serverWarningWithTrace(ILoggingEvent event) {
        return event.getLevel().isGreaterOrEqual(Level.WARN) && event.getLoggerName().startsWith("io.helidon.webserver")
               && event.getThrowableProxy() != null;
    }

    /** The status line of the answer to {@code request}, or what happened instead. */
    private static String statusOf(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", plain.port())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String head = RawHttp.readHead(socket.getInputStream());
            return head.isEmpty() ? "(closed without an answer)" : head.lines().findFirst().orElseThrow();
        } catch (SocketTimeoutException e) {
            return "(no answer within 5 s)";
        }
    }
}
