package io.fullstackhelidon.contract;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fullstackhelidon.support.RawHttp;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.webserver.WebServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A template client that sends nothing new gets, byte for byte, the answers it got before the additions of issue 21
 * (refresh tokens, conditional requests): a session of the template's own requests is replayed and each whole answer
 * (status line, headers, body) compared with the one recorded by the build before those additions,
 * {@code src/test/resources/replay/template-session.txt}. Only what differs from run to run is masked: ids, tokens,
 * times, the date and request-id headers and the lengths that follow from them. The one addition it sees is the
 * {@code ETag} header on the answers about one item or one user (RFC 9110 section 8.8.3, which issue 21 asks for on
 * them): those answers are compared without it, and it must be on them and nowhere else.
 *
 * <p>{@code -Dreplay.record=FILE} writes the answers instead (how the file was made, on commit d0a5cff).
 */
class TemplateReplayTest {

    private static final Path RECORDED = Path.of("src/test/resources/replay/template-session.txt");
    private static final String ADMIN_FORM = "username=" + TestSettings.SUPERUSER_EMAIL.replace("@", "%40")
                                             + "&password=" + TestSettings.SUPERUSER_PASSWORD;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern JWT = Pattern.compile("eyJ[\\w-]+\\.[\\w-]+\\.[\\w-]+");
    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z?");
    private static final Pattern EMAIL = Pattern.compile("replay-[0-9a-f]+@example\\.com");
    private static final Pattern VARYING_HEADER = Pattern.compile(
            "(?im)^(date|x-request-id|content-length|ratelimit-reset|retry-after): .*$");

    /** The answers that carry an entity tag now: one item or one user, read or written. */
    private static final List<String> TAGGED = List.of("read item", "update item", "me", "update me");
    private static final Pattern ETAG = Pattern.compile("(?im)^etag: .*\r?\n");

    private static WebServer server;

    @BeforeAll
    static void start() {
        server = WebServer.builder().update(TestServer::configure).build().start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @Test
    void theTemplatesSessionGetsTodaysAnswersByteForByte() throws IOException {
        Map<String, String> answers = session();

        String record = System.getProperty("replay.record");
        if (record != null) {
            Files.createDirectories(Path.of(record).getParent());
            Files.writeString(Path.of(record), render(answers));
            return;
        }
        Map<String, String> withoutTags = new LinkedHashMap<>();
        answers.forEach((name, answer) -> {
            boolean tagged = ETAG.matcher(answer).find();
            assertThat(tagged).as("an ETag on the answer to " + name).isEqualTo(TAGGED.contains(name));
            withoutTags.put(name, ETAG.matcher(answer).replaceAll(""));
        });
        assertThat(render(withoutTags)).isEqualTo(Files.readString(RECORDED));
    }

    /** The template's requests, as its frontend and generated client send them, and their masked answers. */
    private static Map<String, String> session() throws IOException {
        Map<String, String> answers = new LinkedHashMap<>();
        String email = "replay-" + Long.toHexString(System.nanoTime()) + "@example.com";
        String login = raw("POST", "/api/v1/login/access-token", null, "application/x-www-form-urlencoded", ADMIN_FORM);
        answers.put("login", mask(login));
        String token = firstMatch(JWT, login);
        answers.put("login, wrong password", send("POST", "/api/v1/login/access-token", null,
                                                  "application/x-www-form-urlencoded",
                                                  ADMIN_FORM.replace(TestSettings.SUPERUSER_PASSWORD, "wrong")));
        answers.put("test token", send("POST", "/api/v1/login/test-token", token, null, null));
        answers.put("me", send("GET", "/api/v1/users/me", token, null, null));
        answers.put("me, no token", send("GET", "/api/v1/users/me", null, null, null));
        answers.put("signup", send("POST", "/api/v1/users/signup", null, "application/json",
                                   "{\"email\":\"" + email + "\",\"password\":\"replay-pass-1\"}"));
        answers.put("signup again", send("POST", "/api/v1/users/signup", null, "application/json",
                                         "{\"email\":\"" + email + "\",\"password\":\"replay-pass-1\"}"));
        String created = raw("POST", "/api/v1/items/", token, "application/json",
                             "{\"title\":\"Replay\",\"description\":\"the template's item\"}");
        answers.put("create item", mask(created));
        String item = firstMatch(Pattern.compile("\"id\":\"(" + UUID.pattern() + ")\""), created);
        answers.put("read item", send("GET", "/api/v1/items/" + item, token, null, null));
        answers.put("update item", send("PUT", "/api/v1/items/" + item, token, "application/json",
                                        "{\"title\":\"Replayed\"}"));
        answers.put("item, bad id", send("GET", "/api/v1/items/not-a-uuid", token, null, null));
        answers.put("item, unknown", send("GET", "/api/v1/items/" + java.util.UUID.randomUUID(), token, null, null));
        answers.put("items without slash", send("GET", "/api/v1/items", token, null, null));
        answers.put("item, wrong method", send("PATCH", "/api/v1/items/" + item, token, "application/json", "{}"));
        answers.put("create item, no title", send("POST", "/api/v1/items/", token, "application/json", "{}"));
        answers.put("delete item", send("DELETE", "/api/v1/items/" + item, token, null, null));
        answers.put("update me", send("PATCH", "/api/v1/users/me", token, "application/json",
                                      "{\"full_name\":\"Replay Admin\"}"));
        answers.put("health", send("GET", "/api/v1/utils/health-check/", null, null, null));
        return answers;
    }

    private static String send(String method, String path, String token, String type, String body)
            throws IOException {
        return mask(raw(method, path, token, type, body));
    }

    /** One request on a connection of its own, as bytes; the whole answer, as text. */
    private static String raw(String method, String path, String token, String type, String body) throws IOException {
        StringBuilder request = new StringBuilder(method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n"
                                                  + "Connection: close\r\n");
        if (token != null) {
            request.append("Authorization: Bearer ").append(token).append("\r\n");
        }
        byte[] content = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (type != null) {
            request.append("Content-Type: ").append(type).append("\r\n");
        }
        if (body != null) {
            request.append("Content-Length: ").append(content.length).append("\r\n");
        }
        request.append("\r\n");
        try (Socket socket = new Socket("localhost", server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().write(content);
            return RawHttp.readResponse(socket.getInputStream());
        }
    }

    private static String mask(String answer) {
        String masked = VARYING_HEADER.matcher(answer).replaceAll("$1: <varies>");
        masked = JWT.matcher(masked).replaceAll("<jwt>");
        masked = UUID.matcher(masked).replaceAll("<uuid>");
        masked = TIME.matcher(masked).replaceAll("<time>");
        return EMAIL.matcher(masked).replaceAll("<email>");
    }

    private static String firstMatch(Pattern pattern, String text) {
        Matcher match = pattern.matcher(text);
        assertThat(match.find()).as(pattern + " in " + text).isTrue();
        return match.groupCount() > 0 ? match.group(1) : match.group();
    }

    private static String render(Map<String, String> answers) {
        List<String> parts = new ArrayList<>();
        answers.forEach((name, answer) -> parts.add("=== " + name + "\n" + answer.replace("\r\n", "\n")));
        return String.join("\n", parts) + "\n";
    }
}
