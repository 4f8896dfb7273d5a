package io.fullstackhelidon.features.items;

import java.io.IOException;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.support.AtOnce;
import io.fullstackhelidon.support.Mailbox;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.dbclient.DbRow;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code Idempotency-Key} on the four creating endpoints: a retry gets the first answer again and creates nothing,
 * even when the connection was cut after the first was committed (without a key, two rows); another request with the
 * key is 422; keys are the caller's (or the client address's, for sign-up); a failed first request leaves the key free;
 * no stored answer or fingerprint holds a secret; one e-mail for two test-email requests with one key.
 */
@ServerTest
class IdempotencyKeyTest {

    private static final String TABLE = Migrations.SERVICE_SCHEMA + ".idempotency_keys";
    private static Mailbox mailbox;

    private final TestApi api;
    private final App app;
    private final Http1Client client;

    IdempotencyKeyTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.app = app;
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        mailbox = new Mailbox();
        TestServer.configure(server, mailbox.settings());
    }

    @AfterAll
    static void stopMailbox() {
        mailbox.close();
    }

    @Test
    void aRetryWithTheKeyGetsTheFirstAnswerAndCreatesNothing() {
        String token = api.normalUserToken();
        String key = UUID.randomUUID().toString();
        String title = "once " + key;

        Reply first = post("/items/", token, key, "{\"title\":\"" + title + "\"}");
        Reply retry = post("/items/", token, key, "{\"title\":\"" + title + "\"}");

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.header("Idempotent-Replayed")).isEmpty();
        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(itemsTitled(title)).isEqualTo(1);
    }

    @Test
    void theKeyWithAnotherRequestIs422AndAnotherUsersKeyIsTheirOwn() {
        String token = api.normalUserToken();
        String key = UUID.randomUUID().toString();
        assertThat(post("/items/", token, key, "{\"title\":\"first\"}").status()).isEqualTo(200);

        Reply other = post("/items/", token, key, "{\"title\":\"second\"}");

        assertThat(other.status()).isEqualTo(422);
        assertThat(other.text()).isEqualTo("{\"detail\":\"This Idempotency-Key was used with another request\"}");
        TestApi.Account someone = api.randomUser();
        Reply theirs = post("/items/", api.login(someone.user().email(), someone.password()), key,
                            "{\"title\":\"first\"}");
        assertThat(theirs.status()).isEqualTo(200);
        assertThat(theirs.header("Idempotent-Replayed")).as("another user's key space").isEmpty();
    }

    @Test
    void aKeyWhoseFirstRequestFailedIsFreeAndNoStoredAnswerHoldsASecret() {
        String admin = api.superuserToken();
        String key = UUID.randomUUID().toString();
        String email = TestApi.randomEmail();
        String password = "idempotent-secret-" + UUID.randomUUID();
        String body = "{\"email\":\"" + email + "\",\"password\":\"" + password + "\"}";

        Reply created = post("/users/", admin, key, body);
        Reply replayed = post("/users/", admin, key, body);
        String failedKey = UUID.randomUUID().toString();
        Reply failing = post("/users/", admin, failedKey, body);

        assertThat(created.status()).isEqualTo(200);
        assertThat(replayed.text()).isEqualTo(created.text());
        assertThat(failing.status()).as("the address is taken").isEqualTo(400);
        assertThat(rowsOfKey(failedKey)).as("a failure keeps no key").isZero();
        List<DbRow> rows = app.database().client().execute()
                .query("SELECT * FROM " + TABLE + " WHERE idem_key = ?", key).toList();
        assertThat(rows).singleElement().satisfies(row -> row.forEach(column -> assertThat(
                String.valueOf(column.get(Object.class))).as(column.name()).doesNotContain(password)));
    }

    @Test
    void concurrentDuplicatesWaitForNothingAndCreateOneRow() throws Exception {
        String token = api.normalUserToken();
        String key = UUID.randomUUID().toString();
        String title = "raced " + key;
        int racers = 8;
        List<Reply> answers = AtOnce.run(racers, i -> () -> post("/items/", token, key,
                                                                "{\"title\":\"" + title + "\"}"));

        assertThat(itemsTitled(title)).isEqualTo(1);
        assertThat(answers).filteredOn(reply -> reply.status() == 200 && reply.header("Idempotent-Replayed").isEmpty())
                .hasSize(1);
        assertThat(answers).allSatisfy(reply -> {
            if (reply.status() == 409) {
                assertThat(reply.text())
                        .isEqualTo("{\"detail\":\"A request with this Idempotency-Key is still in progress\"}");
            } else {
                assertThat(reply.status()).isEqualTo(200);
            }
        });
    }

    @Test
    void aRetryThroughACutConnectionCreatesOneRowWithTheKeyAndTwoWithout() throws Exception {
        String token = api.normalUserToken();
        String withKey = "cut with key " + UUID.randomUUID();
        String key = UUID.randomUUID().toString();

        sendAndHangUp(token, key, withKey);
        awaitItemsTitled(withKey, 1);
        Reply retry = post("/items/", token, key, "{\"title\":\"" + withKey + "\"}");

        assertThat(retry.status()).isEqualTo(200);
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");
        assertThat(itemsTitled(withKey)).isEqualTo(1);

        String withoutKey = "cut without key " + UUID.randomUUID();
        sendAndHangUp(token, null, withoutKey);
        awaitItemsTitled(withoutKey, 1);
        assertThat(api.post("/items/", token, Map.of("title", withoutKey)).status()).isEqualTo(200);
        assertThat(itemsTitled(withoutKey)).isEqualTo(2);
    }

    @Test
    void signUpKeysAreTheClientAddresssAndTestEmailSendsOnce() {
        String key = UUID.randomUUID().toString();
        String body = "{\"email\":\"" + TestApi.randomEmail() + "\",\"password\":\"long-enough-1\"}";
        Reply first = post("/users/signup", null, key, body);
        Reply retry = post("/users/signup", null, key, body);
        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.text()).isEqualTo(first.text());
        assertThat(retry.header("Idempotent-Replayed")).hasValue("true");

        String to = TestApi.randomEmail();
        String emailKey = UUID.randomUUID().toString();
        Reply sent = post("/utils/test-email/?email_to=" + to, api.superuserToken(), emailKey, null);
        Reply again = post("/utils/test-email/?email_to=" + to, api.superuserToken(), emailKey, null);
        String control = TestApi.randomEmail();
        post("/utils/test-email/?email_to=" + control, api.superuserToken(), null, null);

        assertThat(sent.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text()).isEqualTo(sent.text());
        mailbox.awaitMessagesTo(control, 1);
        assertThat(mailbox.awaitMessagesTo(to, 1)).as("one e-mail for two requests with one key").hasSize(1);
    }

    private Reply post(String path, String token, String key, String body) {
        return api.call(Method.POST, path, request -> {
            TestApi.bearer(token).accept(request);
            if (key != null) {
                request.header(HeaderNames.create("Idempotency-Key"), key);
            }
            if (body != null) {
                request.header(HeaderNames.CONTENT_TYPE, "application/json");
            }
        }, body);
    }

    /** Sends a creating request and closes the connection without reading the answer. */
    private void sendAndHangUp(String token, String key, String title) throws IOException {
        String body = "{\"title\":\"" + title + "\"}";
        String request = "POST /api/v1/items/ HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + token + "\r\n"
                         + (key == null ? "" : "Idempotency-Key: " + key + "\r\n")
                         + "Content-Type: application/json\r\nContent-Length: " + body.length() + "\r\n\r\n" + body;
        try (Socket socket = new Socket("localhost", client.prototype().baseUri().orElseThrow().port())) {
            socket.getOutputStream().write(request.getBytes(StandardCharsets.UTF_8));
            socket.getOutputStream().flush();
        }
    }

    private void awaitItemsTitled(String title, long count) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(10));
        while (itemsTitled(title) < count) {
            assertThat(Instant.now()).as("the first request's item was committed in time").isBefore(deadline);
            Thread.sleep(20);
        }
        // the first request has answered (and kept its answer) by the time its item is there or shortly after
        Thread.sleep(200);
    }

    private long itemsTitled(String title) {
        return app.database().client().execute().get("SELECT COUNT(*) AS n FROM item WHERE title = ?", title)
                .orElseThrow().column("n").get(Number.class).longValue();
    }

    private long rowsOfKey(String key) {
        return app.database().client().execute().get("SELECT COUNT(*) AS n FROM " + TABLE + " WHERE idem_key = ?", key)
                .orElseThrow().column("n").get(Number.class).longValue();
    }
}
