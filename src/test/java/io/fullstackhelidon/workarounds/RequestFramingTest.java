package io.fullstackhelidon.workarounds;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.helidon.http.RequestException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The framing checks on bytes alone: what Helidon is handed (identical for well-framed requests however the bytes are
 * split, less chunk extensions, trailer fields and empty lines before a request line), which requests are refused
 * with which status, and where heads begin and end.
 */
class RequestFramingTest {

    private static final String HOST = "Host: x\r\n";
    private static final String PIPELINE = "GET /a HTTP/1.1\r\n" + HOST + "\r\n"
                                           + "POST /b HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\n\r\nhello"
                                           + "PUT /c HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n"
                                           + "3\r\nabc\r\n000A\r\n0123456789\r\n0\r\n\r\n"
                                           + "GET /d HTTP/1.1\r\n" + HOST + "Expect: 100-continue\r\n\r\n";

    private final List<String> events = new ArrayList<>();
    private final RequestFraming framing = new RequestFraming(4096, 16384, new RequestFraming.Heads() {
        @Override
        public void started() {
            events.add("started");
        }

        @Override
        public void ended() {
            events.add("ended");
        }
    });

    @Test
    void wellFramedRequestsPassUnchangedHoweverTheyAreSplit() {
        for (int split = 1; split <= PIPELINE.length(); split++) {
            RequestFraming fresh = unobserved(4096, 16384);
            assertThat(feed(fresh, PIPELINE, split)).as("split every %d bytes", split).isEqualTo(PIPELINE);
        }
    }

    @Test
    void eachHeadIsReportedFromItsFirstByteToItsEnd() {
        feed(framing, PIPELINE, PIPELINE.length());

        // four requests
        assertThat(events).containsExactly("started", "ended", "started", "ended", "started", "ended", "started",
                                           "ended");
    }

    @Test
    void aBodyIsNotAHead() {
        feed(framing, "POST /b HTTP/1.1\r\n" + HOST + "Content-Length: 5\r\n\r\n", 1000);
        events.clear();
        feed(framing, "hel", 1000);
        feed(framing, "lo", 1000);

        assertThat(events).isEmpty();
    }

    @Test
    void chunkExtensionsAndTrailerFieldsAreRemovedAsHelidonCannotReadThem() {
        String request = "POST /b HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n"
                         + "3;name=value ; other=\"quoted\"\r\nabc\r\n3 ;x\r\ndef\r\n0;last\r\nX-Trailer: 1\r\nY: 2\r\n\r\n";

        assertThat(feed(framing, request, 7)).isEqualTo("POST /b HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n"
                                                        + "3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
    }

    @Test
    void emptyLinesBeforeARequestLineAreIgnored() {
        assertThat(feed(framing, "\r\n\r\nGET /a HTTP/1.1\r\n" + HOST + "\r\n", 3))
                .isEqualTo("GET /a HTTP/1.1\r\n" + HOST + "\r\n");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            two Content-Length fields        | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5\\r\\nContent-Length: 6\\r\\n\\r\\n
            the same Content-Length twice    | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5\\r\\nContent-Length: 5\\r\\n\\r\\n
            a Content-Length list            | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5, 5\\r\\n\\r\\n
            a signed Content-Length          | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: +5\\r\\n\\r\\n
            a negative Content-Length        | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: -1\\r\\n\\r\\n
            an overflowing Content-Length    | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 9223372036854775808\\r\\n\\r\\n
            Content-Length and chunked       | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nContent-Length: 5\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n
            an unknown transfer coding       | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: xchunked\\r\\n\\r\\n
            chunked, then another coding     | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked, gzip\\r\\n\\r\\n
            chunked twice                    | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n
            gzip before chunked              | 501 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: gzip, chunked\\r\\n\\r\\n
            a chunk size not in hexadecimal  | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\nzz\\r\\n
            a chunk size over an int         | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n80000000\\r\\n
            chunk data longer than its size  | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n1\\r\\nab\\r\\n
            a chunk size with a trailing SP  | 400 | POST / HTTP/1.1\\r\\nHost: x\\r\\nTransfer-Encoding: chunked\\r\\n\\r\\n1 \\r\\n
            obsolete line folding            | 400 | GET / HTTP/1.1\\r\\nHost: x\\r\\nX-A: a\\r\\n b\\r\\n\\r\\n
            whitespace before a colon        | 400 | GET / HTTP/1.1\\r\\nHost: x\\r\\nX-A : a\\r\\n\\r\\n
            a field without a colon          | 400 | GET / HTTP/1.1\\r\\nHost: x\\r\\nX-A\\r\\n\\r\\n
            an empty field name              | 400 | GET / HTTP/1.1\\r\\nHost: x\\r\\n: a\\r\\n\\r\\n
            a bare LF in the fields          | 400 | GET / HTTP/1.1\\r\\nHost: x\\nX-A: a\\r\\n\\r\\n
            a bare LF ending the line        | 400 | GET / HTTP/1.1\\nHost: x\\r\\n\\r\\n
            a bare CR in a value             | 400 | GET / HTTP/1.1\\r\\nHost: x\\r\\nX-A: a\\rb\\r\\n\\r\\n
            NUL in a value                   | 400 | GET / HTTP/1.1\\r\\nHost: x\\r\\nX-A: a\\u0000b\\r\\n\\r\\n
            DEL in a value                   | 400 | GET / HTTP/1.1\\r\\nHost: x\\r\\nX-A: a\\u007fb\\r\\n\\r\\n
            two Host fields                  | 400 | GET / HTTP/1.1\\r\\nHost: x\\r\\nHost: y\\r\\n\\r\\n
            no Host                          | 400 | GET / HTTP/1.1\\r\\n\\r\\n
            a tab in the request line        | 400 | GET\\t/ HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n
            two spaces in the request line   | 400 | GET  / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n
            a method that is not a token     | 400 | G(T / HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n
            NUL in the target                | 400 | GET /a\\u0000b HTTP/1.1\\r\\nHost: x\\r\\n\\r\\n
            a lower-case version             | 400 | GET / http/1.1\\r\\nHost: x\\r\\n\\r\\n
            HTTP/1.0                         | 505 | GET / HTTP/1.0\\r\\n\\r\\n
            HTTP/2.0 in a request line       | 505 | GET / HTTP/2.0\\r\\nHost: x\\r\\n\\r\\n
            an unknown expectation           | 417 | GET / HTTP/1.1\\r\\nHost: x\\r\\nExpect: fancy\\r\\n\\r\\n
            """)
    void requestsInDoubtAreRefused(String problem, int status, String escaped) {
        String request = unescape(escaped);

        assertThatThrownBy(() -> feed(framing, request, request.length()))
                .isInstanceOfSatisfying(RequestException.class, refused -> {
                    assertThat(refused.status().code()).isEqualTo(status);
                    assertThat(refused.keepAlive()).as("the connection closes").isFalse();
                });
    }

    @Test
    void aRequestInDoubtBehindAGoodOneIsRefusedOnlyOnceTheGoodOneIsRead() {
        String good = "GET /a HTTP/1.1\r\n" + HOST + "\r\n";
        byte[] bytes = (good + "GET /b HTTP/1.1\r\n" + HOST + HOST + "\r\n").getBytes(StandardCharsets.US_ASCII);

        int readable = framing.scan(bytes, bytes.length);

        assertThat(new String(bytes, 0, readable, StandardCharsets.US_ASCII)).isEqualTo(good);
        assertThatThrownBy(framing::exhausted).isInstanceOf(RequestException.class);
        assertThat(framing.exhausted()).as("then the connection has nothing more").isTrue();
    }

    @Test
    void aHeadAndItsBrokenBodyArrivingTogetherAreNotReadAtAll() {
        byte[] bytes = ("POST /b HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\nzz\r\n")
                .getBytes(StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> framing.scan(bytes, bytes.length)).isInstanceOf(RequestException.class);
        assertThat(framing.exhausted()).isTrue();
    }

    @Test
    void aBodyBrokenAfterItsHeadWasReadIsRefusedAfterItsGoodBytes() {
        feed(framing, "POST /b HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n", 1000);
        byte[] body = "3\r\nabcXX".getBytes(StandardCharsets.US_ASCII);

        int readable = framing.scan(body, body.length);

        assertThat(new String(body, 0, readable, StandardCharsets.US_ASCII)).isEqualTo("3\r\nabc");
        assertThatThrownBy(framing::exhausted).isInstanceOf(RequestException.class);
    }

    @Test
    void aRequestLineOverTheLimitIs414AndFieldsOverTheirsAre431() {
        RequestFraming small = unobserved(32, 64);
        assertThatThrownBy(() -> feed(small, "GET /" + "a".repeat(40) + " HTTP/1.1\r\n", 1000))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.status().code()).isEqualTo(414));
        RequestFraming fields = unobserved(32, 64);
        assertThatThrownBy(() -> feed(fields, "GET / HTTP/1.1\r\nX-A: " + "a".repeat(80) + "\r\n", 1000))
                .isInstanceOfSatisfying(RequestException.class, e -> assertThat(e.status().code()).isEqualTo(431));
    }

    private static RequestFraming unobserved(int maxLineLength, int maxFieldBytes) {
        return new RequestFraming(maxLineLength, maxFieldBytes, new RequestFraming.Heads() {
            @Override
            public void started() {
            }

            @Override
            public void ended() {
            }
        });
    }

    /** Feeds {@code text} in pieces of {@code size} bytes, and returns what Helidon would read. */
    private static String feed(RequestFraming framing, String text, int size) {
        byte[] all = text.getBytes(StandardCharsets.ISO_8859_1);
        ByteArrayOutputStream readable = new ByteArrayOutputStream();
        for (int at = 0; at < all.length; at += size) {
            byte[] piece = Arrays.copyOfRange(all, at, Math.min(all.length, at + size));
            int kept = framing.scan(piece, piece.length);
            readable.write(piece, 0, kept);
            if (framing.exhausted()) {
                break;
            }
        }
        return readable.toString(StandardCharsets.ISO_8859_1);
    }

    private static String unescape(String escaped) {
        return escaped.replace("\\r", "\r").replace("\\n", "\n").replace("\\t", "\t")
                .replace("\\u0000", "\u0000").replace("\\u007f", "\u007f");
    }
}
