package io.fullstackhelidon.support;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reading one HTTP/1.1 answer from a raw socket, for tests that must write the request bytes themselves, and a client
 * that goes away in the middle of one.
 */
public final class RawHttp {

    private static final Pattern CONTENT_LENGTH = Pattern.compile("(?i)\r\ncontent-length: *(\\d+)\r\n");

    private RawHttp() {
    }

    /** The status line and headers, through the blank line that ends them (less when the connection ends first). */
    public static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            int next = in.read();
            if (next < 0) {
                break;
            }
            head.append((char) next);
        }
        return head.toString();
    }

    /** The body length {@code head} announces, 0 when it announces none. */
    public static int contentLength(String head) {
        Matcher length = CONTENT_LENGTH.matcher(head);
        return length.find() ? Integer.parseInt(length.group(1)) : 0;
    }

    /** A whole answer, head and body (its {@code Content-Length}), as text. */
    public static String readResponse(InputStream in) throws IOException {
        String head = readHead(in);
        return head + new String(in.readNBytes(contentLength(head)), StandardCharsets.UTF_8);
    }

    /**
     * Asks 127.0.0.1:{@code port} for {@code path}, reads the first bytes of the answer and then resets the connection
     * (no orderly close) while the server is still writing it: a small receive window keeps the server's write of a
     * large body waiting until then.
     */
    public static void leaveWhileAnswered(int port, String path) throws IOException, InterruptedException {
        try (Socket socket = new Socket()) {
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
            socket.setSoTimeout(5000);
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: h\r\n\r\n")
                                                   .getBytes(StandardCharsets.US_ASCII));
            if (socket.getInputStream().read() < 0) {
                throw new IOException("closed before answering");
            }
            Thread.sleep(100);
            socket.setSoLinger(true, 0);
        }
    }
}
