package io.fullstackhelidon.workarounds;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

import io.fullstackhelidon.contract.ErrorMapping;

import io.helidon.http.DirectHandler;
import io.helidon.http.RequestException;
import io.helidon.http.Status;

/**
 * The framing of the HTTP/1.1 requests on one connection, checked byte by byte as they arrive and before Helidon
 * 4.1.7's parser reads them (RFC 9112). Whatever leaves a request's length in doubt is refused with a 4xx (or 501,
 * 505) and a closed connection, where Helidon would read it one way and a proxy in front perhaps another: two
 * {@code Content-Length} fields, one with a sign or over 18 digits, {@code Content-Length} beside
 * {@code Transfer-Encoding}, a transfer coding other than a final {@code chunked}, a chunk size that is not
 * hexadecimal or does not fit, chunk data longer than its size, a bare CR or LF, obsolete line folding, whitespace
 * before a colon, control characters in a field, a request line that is not {@code method SP target SP HTTP/1.1},
 * no or two {@code Host} fields. What RFC 9112 lets a recipient ignore and Helidon cannot read, chunk extensions and
 * trailer fields, is removed before Helidon sees it, as are empty lines before a request line.
 *
 * <p>Refusals are Helidon {@link RequestException}s: thrown while Helidon reads a request head, its direct handlers
 * answer them; thrown while a handler reads a body, {@link ErrorMapping} does. A request whose head and broken body
 * arrive together is refused before it is routed: the bytes of the message in doubt are withheld.
 */
final class RequestFraming {

    /** Where request heads begin and end, for the head deadline. */
    interface Heads {
        void started();

        void ended();
    }

    /** RFC 6585's status, which Helidon 4.1.7's {@link Status} does not name. */
    private static final Status HEADER_FIELDS_TOO_LARGE = Status.create(431, "Request Header Fields Too Large");
    private static final int MAX_CONTENT_LENGTH_DIGITS = 18;
    private static final int MAX_CHUNK_LINE = 4096;
    private static final int MAX_CAPTURED_VALUE = 1024;
    private static final byte[] VERSION_1_1 = "HTTP/1.1".getBytes(StandardCharsets.US_ASCII);
    private static final boolean[] TOKEN = new boolean[256];
    private static final boolean[] FIELD_VALUE = new boolean[256];
    private static final boolean[] TARGET = new boolean[256];

    static {
        for (int b = '0'; b <= '9'; b++) {
            TOKEN[b] = true;
        }
        for (int b = 'a'; b <= 'z'; b++) {
            TOKEN[b] = true;
            TOKEN[b - 'a' + 'A'] = true;
        }
        for (char c : "!#$%&'*+-.^_`|~".toCharArray()) {
            TOKEN[c] = true;
        }
        for (int b = 0x21; b < 0x7f; b++) {
            TARGET[b] = true;
            FIELD_VALUE[b] = true;
        }
        for (int b = 0x80; b < 0x100; b++) {
            FIELD_VALUE[b] = true;
        }
        FIELD_VALUE[' '] = true;
        FIELD_VALUE['\t'] = true;
    }

    private enum State {
        START, START_LF, LINE, LINE_LF,
        FIELD_START, FIELD_NAME, FIELD_VALUE, FIELD_LF, SECTION_LF,
        BODY, CHUNK_SIZE, CHUNK_EXTENSION, CHUNK_SIZE_LF, CHUNK_DATA, CHUNK_DATA_CR, CHUNK_DATA_LF,
        FAILED
    }

    /** The fields whose values decide the framing. */
    private enum Framing {
        CONTENT_LENGTH("content-length"), TRANSFER_ENCODING("transfer-encoding"), HOST("host"), EXPECT("expect");

        private final byte[] name;

        Framing(String name) {
            this.name = name.getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final int maxLineLength;
    private final int maxFieldBytes;
    private final Heads heads;

    private State state = State.START;
    private RequestException failure;
    private boolean refusalDelivered;

    private byte[] line = new byte[128];
    private int lineLength;
    private boolean inTrailers;
    private int sectionBytes;
    private final byte[] name = new byte[17];
    private int nameLength;
    private Framing field;
    private byte[] value = new byte[32];
    private int valueLength;

    private int contentLengths;
    private long contentLength;
    private StringBuilder transferEncoding;
    private int hosts;
    private boolean unknownExpectation;

    private long remaining;
    private long chunkSize;
    private int chunkSizeDigits;
    private int chunkLineBytes;
    private boolean extensionSeparated;

    RequestFraming(int maxLineLength, int maxFieldBytes, Heads heads) {
        this.maxLineLength = maxLineLength;
        this.maxFieldBytes = maxFieldBytes;
        this.heads = heads;
    }

    /**
     * Checks {@code length} bytes of {@code bytes} and moves those Helidon is to read to the front of the array.
     *
     * Not called once {@link #exhausted()}.
     *
     * @return how many bytes, from the start of the array, Helidon is to read; 0 when all were dropped
     * @throws RequestException when the framing is in doubt and no byte before the doubt is left to read
     */
    int scan(byte[] bytes, int length) {
        int kept = 0;
        // where the message being read began among the kept bytes, -1 when it began in an earlier call
        int messageStart = state == State.START ? 0 : -1;
        int at = 0;
        try {
            while (at < length) {
                switch (state) {
                case BODY, CHUNK_DATA -> {
                    int n = (int) Math.min(remaining, length - at);
                    System.arraycopy(bytes, at, bytes, kept, n);
                    kept += n;
                    at += n;
                    remaining -= n;
                    if (remaining == 0) {
                        state = state == State.BODY ? State.START : State.CHUNK_DATA_CR;
                    }
                }
                default -> {
                    int b = bytes[at++] & 0xff;
                    if (keep(b)) {
                        bytes[kept++] = (byte) b;
                    }
                }
                }
                if (state == State.START) {
                    messageStart = kept;
                }
            }
        } catch (RequestException refused) {
            state = State.FAILED;
            failure = refused;
            // a message in doubt is not read at all when its start is still here: refused before it is routed
            int readable = messageStart >= 0 ? Math.min(messageStart, kept) : kept;
            if (readable == 0) {
                refusalDelivered = true;
                throw refused;
            }
            return readable;
        }
        return kept;
    }

    /**
     * Whether the connection has nothing more to be read: once the framing was found in doubt, the first call throws
     * the refusal (unless {@link #scan} threw it already), and every later call answers true, so that Helidon closes
     * the connection without answering the refused request a second time.
     */
    boolean exhausted() {
        if (state != State.FAILED) {
            return false;
        }
        if (!refusalDelivered) {
            refusalDelivered = true;
            throw failure;
        }
        return true;
    }

    /** One byte outside a body's data: moves the state on, and tells whether Helidon is to read the byte. */
    private boolean keep(int b) {
        switch (state) {
        case START -> {
            heads.started();
            if (b == '\r') {
                // RFC 9112 2.2: empty lines before a request line are ignored
                state = State.START_LF;
                return false;
            }
            startLine();
            return line(b);
        }
        case START_LF -> {
            expect(b == '\n', "Bare CR before the request line");
            state = State.START;
            return false;
        }
        case LINE -> {
            return line(b);
        }
        case LINE_LF -> {
            expect(b == '\n', "Bare CR in the request line");
            requestLine();
            state = State.FIELD_START;
            return true;
        }
        case FIELD_START -> {
            if (b == '\r') {
                state = State.SECTION_LF;
                return true;
            }
            expect(b != ' ' && b != '\t', "Obsolete line folding");
            expect(TOKEN[b], "Invalid field name");
            nameLength = 0;
            countFieldByte();
            name(b);
            state = State.FIELD_NAME;
            return !inTrailers;
        }
        case FIELD_NAME -> {
            countFieldByte();
            if (b == ':') {
                field = framingField();
                valueLength = 0;
                state = State.FIELD_VALUE;
            } else {
                expect(b != ' ' && b != '\t', "Whitespace between a field name and its colon");
                expect(TOKEN[b], "Invalid field name");
                name(b);
            }
            return !inTrailers;
        }
        case FIELD_VALUE -> {
            countFieldByte();
            if (b == '\r') {
                state = State.FIELD_LF;
            } else {
                expect(FIELD_VALUE[b], "Invalid character in a field value");
                capture(b);
            }
            return !inTrailers;
        }
        case FIELD_LF -> {
            countFieldByte();
            expect(b == '\n', "Bare CR in a field");
            fieldComplete();
            state = State.FIELD_START;
            return !inTrailers;
        }
        case SECTION_LF -> {
            expect(b == '\n', "Bare CR at the end of a field section");
            if (inTrailers) {
                inTrailers = false;
                state = State.START;
            } else {
                headComplete();
            }
            return true;
        }
        case CHUNK_SIZE -> {
            return chunkSize(b);
        }
        case CHUNK_EXTENSION -> {
            chunkLineByte();
            if (b == '\r') {
                expect(extensionSeparated, "Invalid chunk size");
                state = State.CHUNK_SIZE_LF;
                return true;
            }
            if (b == ';') {
                extensionSeparated = true;
            } else {
                expect(extensionSeparated ? FIELD_VALUE[b] : b == ' ' || b == '\t', "Invalid chunk extension");
            }
            // chunk extensions are ignored (RFC 9112 7.1.1), and Helidon 4.1.7 cannot parse them
            return false;
        }
        case CHUNK_SIZE_LF -> {
            expect(b == '\n', "Bare CR after a chunk size");
            if (chunkSize == 0) {
                inTrailers = true;
                sectionBytes = 0;
                state = State.FIELD_START;
            } else {
                remaining = chunkSize;
                state = State.CHUNK_DATA;
            }
            return true;
        }
        case CHUNK_DATA_CR -> {
            expect(b == '\r', "Chunk data longer than its size");
            state = State.CHUNK_DATA_LF;
            return true;
        }
        case CHUNK_DATA_LF -> {
            expect(b == '\n', "Chunk data longer than its size");
            startChunk();
            return true;
        }
        default -> throw new IllegalStateException("Not a byte-wise state: " + state);
        }
    }

    private void startLine() {
        lineLength = 0;
        state = State.LINE;
    }

    private boolean line(int b) {
        if (b == '\r') {
            state = State.LINE_LF;
            return true;
        }
        expect(b != '\n', "Bare LF in the request line");
        if (lineLength == maxLineLength) {
            throw refusal(Status.REQUEST_URI_TOO_LONG_414, "Request line too long");
        }
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, Math.min(maxLineLength, line.length * 2));
        }
        line[lineLength++] = (byte) b;
        return true;
    }

    /** {@code method SP request-target SP HTTP-version}, with a token for the method and only HTTP/1.1. */
    private void requestLine() {
        int at = 0;
        while (at < lineLength && TOKEN[line[at] & 0xff]) {
            at++;
        }
        expect(at > 0 && at < lineLength && line[at] == ' ', "Invalid method");
        int targetStart = ++at;
        while (at < lineLength && TARGET[line[at] & 0xff]) {
            at++;
        }
        expect(at > targetStart && at < lineLength && line[at] == ' ', "Invalid request target");
        int version = at + 1;
        if (!Arrays.equals(line, version, lineLength, VERSION_1_1, 0, VERSION_1_1.length)) {
            boolean wellFormed = lineLength - version == 8
                                 && Arrays.equals(line, version, version + 5, VERSION_1_1, 0, 5)
                                 && Character.isDigit(line[version + 5]) && line[version + 6] == '.'
                                 && Character.isDigit(line[version + 7]);
            throw wellFormed ? refusal(Status.HTTP_VERSION_NOT_SUPPORTED_505, "Only HTTP/1.1 is served")
                             : refusal(Status.BAD_REQUEST_400, "Invalid HTTP version");
        }
        sectionBytes = 0;
        contentLengths = 0;
        contentLength = 0;
        transferEncoding = null;
        hosts = 0;
        unknownExpectation = false;
    }

    private void countFieldByte() {
        if (++sectionBytes > maxFieldBytes) {
            throw refusal(HEADER_FIELDS_TOO_LARGE, "Header fields too large");
        }
    }

    private void name(int b) {
        if (nameLength < name.length) {
            name[nameLength] = (byte) (b | 0x20);
        }
        nameLength++;
    }

    private Framing framingField() {
        if (inTrailers) {
            return null;
        }
        for (Framing candidate : Framing.values()) {
            if (candidate.name.length == nameLength && Arrays.equals(name, 0, nameLength, candidate.name, 0,
                                                                     nameLength)) {
                return candidate;
            }
        }
        return null;
    }

    private void capture(int b) {
        if (field == null) {
            return;
        }
        expect(valueLength < MAX_CAPTURED_VALUE, "Field value too long");
        if (valueLength == value.length) {
            value = Arrays.copyOf(value, value.length * 2);
        }
        value[valueLength++] = (byte) b;
    }

    private void fieldComplete() {
        if (field == null) {
            return;
        }
        String text = new String(value, 0, valueLength, StandardCharsets.ISO_8859_1).strip();
        switch (field) {
        case CONTENT_LENGTH -> {
            contentLengths++;
            expect(!text.isEmpty() && text.length() <= MAX_CONTENT_LENGTH_DIGITS && text.chars().allMatch(
                    c -> c >= '0' && c <= '9'), "Invalid Content-Length");
            contentLength = Long.parseLong(text);
        }
        case TRANSFER_ENCODING -> {
            if (transferEncoding == null) {
                transferEncoding = new StringBuilder(text);
            } else {
                transferEncoding.append(',').append(text);
            }
        }
        case HOST -> hosts++;
        case EXPECT -> unknownExpectation |= !text.equalsIgnoreCase("100-continue");
        }
    }

    /** The head is in: decides how the body is framed, or refuses the request. */
    private void headComplete() {
        expect(hosts == 1, hosts == 0 ? "No Host field" : "More than one Host field");
        expect(contentLengths <= 1, "More than one Content-Length field");
        if (transferEncoding != null) {
            expect(contentLengths == 0, "Content-Length together with Transfer-Encoding");
            String[] codings = Arrays.stream(transferEncoding.toString().split(","))
                    .map(coding -> coding.strip().toLowerCase(Locale.ROOT))
                    .filter(coding -> !coding.isEmpty())
                    .toArray(String[]::new);
            expect(codings.length > 0 && codings[codings.length - 1].equals("chunked"),
                   "Transfer-Encoding must end with chunked");
            expect(Arrays.stream(codings).filter("chunked"::equals).count() == 1, "chunked applied twice");
            if (codings.length > 1) {
                throw refusal(Status.NOT_IMPLEMENTED_501, "Transfer coding not implemented");
            }
        }
        if (unknownExpectation) {
            throw refusal(Status.EXPECTATION_FAILED_417, "Unknown expectation");
        }
        heads.ended();
        if (transferEncoding != null) {
            startChunk();
        } else if (contentLength > 0) {
            remaining = contentLength;
            state = State.BODY;
        } else {
            state = State.START;
        }
    }

    private void startChunk() {
        chunkSize = 0;
        chunkSizeDigits = 0;
        chunkLineBytes = 0;
        extensionSeparated = false;
        state = State.CHUNK_SIZE;
    }

    private boolean chunkSize(int b) {
        chunkLineByte();
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            chunkSize = chunkSize * 16 + digit;
            chunkSizeDigits++;
            // Helidon 4.1.7 reads a chunk size as an int
            expect(chunkSize <= Integer.MAX_VALUE, "Chunk size too large");
            return true;
        }
        expect(chunkSizeDigits > 0, "Invalid chunk size");
        if (b == '\r') {
            state = State.CHUNK_SIZE_LF;
            return true;
        }
        expect(b == ';' || b == ' ' || b == '\t', "Invalid chunk size");
        extensionSeparated = b == ';';
        state = State.CHUNK_EXTENSION;
        return false;
    }

    private void chunkLineByte() {
        expect(++chunkLineBytes <= MAX_CHUNK_LINE, "Chunk line too long");
    }

    private static void expect(boolean condition, String problem) {
        if (!condition) {
            throw refusal(Status.BAD_REQUEST_400, problem);
        }
    }

    private static RequestException refusal(Status status, String problem) {
        return RequestException.builder()
                .type(DirectHandler.EventType.BAD_REQUEST)
                .status(status)
                .setKeepAlive(false)
                .message(problem)
                .build();
    }
}
