package io.fullstackhelidon.features.frontend;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;

import io.fullstackhelidon.support.RawHttp;
import io.fullstackhelidon.support.RawHttp;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestServer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The built frontend served beside the API, rule by rule (issue 12), on a small build of our own. */
@ServerTest
class FrontendFilesTest {

    private static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
    private static Path build;

    private final Http1Client client;
    private final WebServer server;

    FrontendFilesTest(Http1Client client, WebServer server) {
        this.client = client;
        this.server = server;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) throws IOException {
        build = FrontendBuilds.copy("build");
        Path outside = Files.createTempFile("outside-the-build", ".txt");
        Files.writeString(outside, "a secret outside the build");
        Files.createSymbolicLink(build.resolve("leak.txt"), outside);
        Files.createSymbolicLink(build.resolve("linked"), build.resolve("admin"));
        TestServer.configure(server, Map.of("frontend.dir", build.toString()));
    }

    @Test
    void aClientLeavingMidDownloadIsNoServerError() throws Exception {
        Files.write(build.resolve("large.bin"), new byte[8 << 20]);
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = logging.getLogger("access");
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        root.addAppender(log);
        access.setLevel(Level.INFO); // the tests' logging keeps warnings only: the request's end is its access line
        try {
            RawHttp.leaveWhileAnswered(server.port(), "/large.bin");
            long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
            while (log.list.stream().noneMatch(event -> event.getLoggerName().equals("access"))) {
                assertThat(System.nanoTime()).as("the download's access-log line within 5 s").isLessThan(deadline);
                Thread.sleep(20);
            }
            assertThat(log.list).as("a client that went away is not a server error")
                    .noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
        } finally {
            access.setLevel(null);
            root.detachAppender(log);
        }
    }

    @Test
    void indexAndFilesAreServedWithTypeLengthAndValidators() throws IOException {
        Reply index = get("/", request -> { });
        assertThat(index.status()).isEqualTo(200);
        assertThat(index.text()).isEqualTo(Files.readString(build.resolve("index.html")));
        assertThat(index.header("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(index.header("Content-Length")).hasValue(Long.toString(Files.size(build.resolve("index.html"))));
        assertThat(index.header("Cache-Control")).hasValue("no-cache");
        assertThat(index.header("ETag")).hasValueSatisfying(tag -> assertThat(tag).matches("\"[0-9a-f]+-[0-9a-f]+\""));
        assertThat(index.header("Last-Modified")).hasValueSatisfying(date -> assertThat(date).endsWith(" GMT"));

        Reply css = get("/styles.css", request -> { });
        assertThat(css.status()).isEqualTo(200);
        assertThat(css.header("Content-Type")).hasValue("text/css; charset=utf-8");
        assertThat(css.header("Cache-Control")).hasValue("no-cache");
        assertThat(css.header("X-Content-Type-Options")).hasValue("nosniff");
    }

    @Test
    void hashedAssetsAreCacheableForAYear() {
        Reply script = get("/assets/index-Bq3xYz09.js", request -> { });

        assertThat(script.status()).isEqualTo(200);
        assertThat(script.header("Content-Type")).hasValue("text/javascript; charset=utf-8");
        assertThat(script.header("Cache-Control")).hasValue("public, max-age=31536000, immutable");
    }

    @Test
    void textGoesOutCompressedToClientsThatTakeGzip() throws IOException {
        byte[] plain = Files.readAllBytes(build.resolve("assets/app-C0ffee42.css"));
        String request = "GET /assets/app-C0ffee42.css HTTP/1.1\r\nHost: localhost\r\n";

        byte[] gzipped = rawBytes(request + "Accept-Encoding: br, gzip;q=0.8\r\n\r\n");
        String head = head(gzipped);
        assertThat(head).contains("\r\nContent-Encoding: gzip\r\n").contains("\r\nVary: Accept-Encoding\r\n")
                .contains("-gzip\"\r\n");
        byte[] body = Arrays.copyOfRange(gzipped, head.length(), gzipped.length);
        assertThat(body.length).isLessThan(plain.length / 2);
        assertThat(new GZIPInputStream(new ByteArrayInputStream(body)).readAllBytes())
                .isEqualTo(plain);

        String identity = head(rawBytes(request + "Accept-Encoding: gzip;q=0, identity\r\n\r\n"));
        assertThat(identity).doesNotContain("Content-Encoding").contains("\r\nContent-Length: " + plain.length + "\r\n")
                .contains("\r\nVary: Accept-Encoding\r\n").doesNotContain("-gzip\"");
        assertThat(head(rawBytes("GET /assets/index-Bq3xYz09.js HTTP/1.1\r\nHost: localhost\r\n"
                                 + "Accept-Encoding: gzip\r\n\r\n")))
                .as("a file too small to gain").doesNotContain("Content-Encoding");
    }

    @Test
    void conditionalRequestsAreAnswered304() {
        Reply first = get("/styles.css", request -> { });
        String etag = first.header("ETag").orElseThrow();
        String modified = first.header("Last-Modified").orElseThrow();

        Reply byTag = get("/styles.css", request -> request.header(HeaderNames.IF_NONE_MATCH, "\"other\", " + etag));
        assertThat(byTag.status()).isEqualTo(304);
        assertThat(byTag.text()).isEmpty();
        assertThat(byTag.header("ETag")).hasValue(etag);
        assertThat(get("/styles.css", request -> request.header(HeaderNames.IF_MODIFIED_SINCE, modified)).status())
                .isEqualTo(304);
        assertThat(get("/styles.css", request -> request.header(HeaderNames.IF_NONE_MATCH, "\"other\"")).status())
                .isEqualTo(200);
        assertThat(get("/styles.css", request -> request.header(HeaderNames.IF_MODIFIED_SINCE,
                                                                "Mon, 01 Jan 1990 00:00:00 GMT")).status())
                .isEqualTo(200);
    }

    @Test
    void aDirectoryWithAnIndexIsServedAtItsPathWithASlash() {
        Reply withoutSlash = get("/admin?tab=users", request -> { });
        assertThat(withoutSlash.status()).isEqualTo(307);
        assertThat(withoutSlash.header("Location")).hasValue("http://localhost:" + server.port() + "/admin/?tab=users");

        Reply withSlash = get("/admin/", request -> { });
        assertThat(withSlash.status()).isEqualTo(200);
        assertThat(withSlash.text()).contains("admin index");
        assertThat(withSlash.header("Cache-Control")).hasValue("no-cache");
    }

    @Test
    void aDeepLinkLoadsTheAppForABrowserAndIsA404JsonForAnythingElse() throws IOException {
        String index = Files.readString(build.resolve("index.html"));

        Reply navigation = get("/items/42", request -> request.header(HeaderNames.ACCEPT, HTML));
        assertThat(navigation.status()).isEqualTo(200);
        assertThat(navigation.text()).isEqualTo(index);
        assertThat(navigation.header("Cache-Control")).hasValue("no-cache");
        assertThat(get("/admin/settings", request -> request.header(HeaderNames.ACCEPT, "application/xhtml+xml"))
                           .text()).isEqualTo(index);

        for (String accept : new String[] {"application/json", "text/html;q=0", "*/*"}) {
            Reply other = get("/items/42", request -> request.header(HeaderNames.ACCEPT, accept));
            assertThat(other.status()).as(accept).isEqualTo(404);
            assertThat(other.text()).as(accept).isEqualTo("{\"detail\":\"Not Found\"}");
        }
    }

    @Test
    void theApiTheDocsAndTheHealthEndpointsWin() {
        Reply api = get("/api/v1/utils/health-check/", request -> request.header(HeaderNames.ACCEPT, HTML));
        assertThat(api.text()).isEqualTo("true");
        Reply unknownApiPath = get("/api/v1/nowhere", request -> request.header(HeaderNames.ACCEPT, HTML));
        assertThat(unknownApiPath.status()).isEqualTo(404);
        assertThat(unknownApiPath.text()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(get("/api/v1/items", request -> request.header(HeaderNames.ACCEPT, HTML)).status()).isEqualTo(307);
        assertThat(get("/docs", request -> request.header(HeaderNames.ACCEPT, HTML)).text()).contains("swagger-ui");
        assertThat(get("/docs/nothing-here", request -> request.header(HeaderNames.ACCEPT, HTML)).status())
                .isEqualTo(404);
        assertThat(get("/health/ready", request -> request.header(HeaderNames.ACCEPT, HTML)).text()).contains("UP");
    }

    @Test
    void onlyGetAndHeadReadFiles() throws IOException {
        Reply post = call(Method.POST, "/styles.css", request -> { });
        assertThat(post.status()).isEqualTo(405);
        assertThat(post.header("Allow")).hasValue("GET, HEAD");
        assertThat(call(Method.DELETE, "/", request -> { }).status()).as("the root is a directory").isEqualTo(404);
        Reply nothing = call(Method.POST, "/nothing", request -> request.header(HeaderNames.ACCEPT, HTML));
        assertThat(nothing.status()).isEqualTo(404);
        assertThat(nothing.text()).isEqualTo("{\"detail\":\"Not Found\"}");

        String head = raw("HEAD /styles.css HTTP/1.1\r\nHost: localhost\r\n\r\n");
        assertThat(head).startsWith("HTTP/1.1 200").contains("\r\nContent-Length: 23\r\n").endsWith("\r\n\r\n");
    }

    @Test
    void nothingOutsideTheBuildNorThroughALinkNorAListing() throws IOException {
        for (String path : new String[] {"/%2e%2e/%2e%2e/%2e%2e/etc/hostname", "/assets/%2e%2e/%2e%2e/pom.xml",
                                         "/..%2fREADME.md", "/leak.txt", "/linked/", "/linked/index.html",
                                         "/assets/", "/assets"}) {
            String answer = raw("GET " + path + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n\r\n");
            assertThat(answer).as(path).startsWith("HTTP/1.1 404").doesNotContain("a secret outside the build")
                    .doesNotContain("admin index").doesNotContain("index-Bq3xYz09.js\n");
        }
        String navigation = raw("GET /%2e%2e/%2e%2e/pom.xml HTTP/1.1\r\nHost: localhost\r\nAccept: text/html\r\n\r\n");
        assertThat(navigation).as("a browser gets the app, never the file").doesNotContain("<project")
                .contains("Test frontend");
    }

    private Reply get(String path, Consumer<Http1ClientRequest> customize) {
        return call(Method.GET, path, customize);
    }

    private Reply call(Method method, String path, Consumer<Http1ClientRequest> customize) {
        int query = path.indexOf('?');
        Http1ClientRequest request = client.method(method).uri(query < 0 ? path : path.substring(0, query))
                .followRedirects(false);
        if (query >= 0) {
            String[] pair = path.substring(query + 1).split("=", 2);
            request.queryParam(pair[0], pair[1]);
        }
        customize.accept(request);
        try (Http1ClientResponse response = request.request()) {
            String text = response.entity().hasEntity() ? response.entity().as(String.class) : "";
            return new Reply(response.status().code(), response.headers(), text);
        }
    }

    private String raw(String request) throws IOException {
        return new String(rawBytes(request), StandardCharsets.ISO_8859_1);
    }

    private static String head(byte[] answer) {
        String text = new String(answer, StandardCharsets.ISO_8859_1);
        return text.substring(0, text.indexOf("\r\n\r\n") + 4);
    }

    /** Sends {@code request} as written (no client normalises its path) and reads one answer: head and body. */
    private byte[] rawBytes(String request) throws IOException {
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String head = RawHttp.readHead(in);
            byte[] headBytes = head.getBytes(StandardCharsets.ISO_8859_1);
            byte[] bodyBytes = request.startsWith("HEAD ") ? new byte[0] : in.readNBytes(RawHttp.contentLength(head));
            byte[] answer = Arrays.copyOf(headBytes, headBytes.length + bodyBytes.length);
            System.arraycopy(bodyBytes, 0, answer, headBytes.length, bodyBytes.length);
            return answer;
        }
    }
}
