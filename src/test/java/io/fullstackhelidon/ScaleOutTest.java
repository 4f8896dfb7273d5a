package io.fullstackhelidon;

import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.infra.security.AccessTokens;
import io.fullstackhelidon.infra.security.HmacJwt;
import io.fullstackhelidon.support.AtOnce;
import io.fullstackhelidon.support.Mailbox;
import io.fullstackhelidon.support.RunningInstance;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestDatabases;
import io.fullstackhelidon.support.TestRedis;
import io.fullstackhelidon.support.TestSettings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two instances over one database and one Redis behave as one service: a token from one works on the other, a user
 * cached on one is rejected there on the very next request after the other deactivates or deletes them or changes
 * their password, and an e-mail requested on one is delivered once. (Shared rate limits: {@code SharedRateLimitTest}.)
 */
@Slow
class ScaleOutTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private Mailbox mailbox;
    private RunningInstance first;
    private RunningInstance second;
    private String database;

    @BeforeEach
    void startTwoInstances() {
        String redis = TestRedis.requireRunning();
        database = TestDatabases.freshUrl();
        mailbox = new Mailbox();
        Map<String, String> shared = new HashMap<>(mailbox.settings());
        shared.put("redis.url", redis);
        shared.put("redis.prefix", "fsh-test-" + UUID.randomUUID() + ":");
        // a long TTL: only the invalidation can make the second instance see a change in time
        shared.put("cache.users.ttl-seconds", "3600");
        first = RunningInstance.start(database, shared);
        second = RunningInstance.start(database, shared);
    }

    @AfterEach
    void stop() {
        first.close();
        second.close();
        mailbox.close();
    }

    @Test
    void aTokenFromOneInstanceWorksOnTheOther() throws Exception {
        String token = login(first, TestSettings.SUPERUSER_EMAIL, TestSettings.SUPERUSER_PASSWORD);

        HttpResponse<String> me = get(second, "/api/v1/users/me", token);

        assertThat(me.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(me.body()).path("email").asText()).isEqualTo(TestSettings.SUPERUSER_EMAIL);
    }

    @Test
    void aUserDeactivatedOrDeletedOnOneInstanceIsRejectedOnTheOtherAtOnce() throws Exception {
        String admin = login(first, TestSettings.SUPERUSER_EMAIL, TestSettings.SUPERUSER_PASSWORD);
        String email = "scale-" + UUID.randomUUID() + "@example.com";
        JsonNode created = MAPPER.readTree(send(first, "POST", "/api/v1/users/", admin,
                                                Map.of("email", email, "password", "long-enough-1")).body());
        String userToken = login(second, email, "long-enough-1");
        assertThat(get(second, "/api/v1/users/me", userToken).statusCode()).as("cached on the second").isEqualTo(200);
        assertThat(get(second, "/api/v1/users/me", userToken).statusCode()).isEqualTo(200);

        assertThat(send(first, "PATCH", "/api/v1/users/" + created.path("id").asText(), admin,
                        Map.of("is_active", false)).statusCode()).isEqualTo(200);
        HttpResponse<String> inactive = get(second, "/api/v1/users/me", userToken);
        assertThat(inactive.statusCode()).isEqualTo(400);
        assertThat(inactive.body()).isEqualTo("{\"detail\":\"Inactive user\"}");

        assertThat(send(first, "PATCH", "/api/v1/users/" + created.path("id").asText(), admin,
                        Map.of("is_active", true)).statusCode()).isEqualTo(200);
        assertThat(get(second, "/api/v1/users/me", userToken).statusCode())
                .as("active again, but the deactivation ended the token").isEqualTo(403);
        userToken = login(second, email, "long-enough-1");
        assertThat(get(second, "/api/v1/users/me", userToken).statusCode()).isEqualTo(200);

        assertThat(send(first, "DELETE", "/api/v1/users/" + created.path("id").asText(), admin, null).statusCode())
                .isEqualTo(200);
        HttpResponse<String> gone = get(second, "/api/v1/users/me", userToken);
        assertThat(gone.statusCode()).isEqualTo(404);
        assertThat(gone.body()).isEqualTo("{\"detail\":\"User not found\"}");
    }

    @Test
    void aTokenUsedBeforeAPasswordChangeOnOneInstanceIsRefusedOnTheOther() throws Exception {
        String admin = login(first, TestSettings.SUPERUSER_EMAIL, TestSettings.SUPERUSER_PASSWORD);
        String email = "revoke-" + UUID.randomUUID() + "@example.com";
        HttpResponse<String> created = send(first, "POST", "/api/v1/users/", admin,
                                            Map.of("email", email, "password", "long-enough-1"));
        assertThat(created.statusCode()).isEqualTo(200);
        // issued a minute ago: two logins of one user in one second would be the same token (claims exp and sub)
        String onSecond = new AccessTokens(new HmacJwt(TestSettings.SECRET_KEY,
                                                       Clock.offset(Clock.systemUTC(), Duration.ofMinutes(-1))),
                                           first.app().settings().security().accessTokenLifetime())
                .issue(UUID.fromString(MAPPER.readTree(created.body()).path("id").asText()), Optional.empty());
        assertThat(get(second, "/api/v1/users/me", onSecond).statusCode()).as("cached on the second").isEqualTo(200);
        String onFirst = login(first, email, "long-enough-1");

        assertThat(send(first, "PATCH", "/api/v1/users/me/password", onFirst,
                        Map.of("current_password", "long-enough-1", "new_password", "long-enough-2")).statusCode())
                .isEqualTo(200);

        HttpResponse<String> refused = get(second, "/api/v1/users/me", onSecond);
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(refused.body()).isEqualTo("{\"detail\":\"Could not validate credentials\"}");
        assertThat(get(second, "/api/v1/users/me", onFirst).statusCode()).as("the changing session").isEqualTo(200);
    }

    @Test
    void aRecoveryEmailRequestedOnOneInstanceIsDeliveredOnce() throws Exception {
        HttpResponse<String> recovery = send(first, "POST", "/api/v1/password-recovery/" + TestSettings.SUPERUSER_EMAIL,
                                             null, null);
        assertThat(recovery.statusCode()).isEqualTo(200);

        assertThat(mailbox.awaitMessagesTo(TestSettings.SUPERUSER_EMAIL, 1)).hasSize(1);
        Thread.sleep(500); // both instances poll every 100 ms: a second delivery would arrive within this
        assertThat(mailbox.messagesTo(TestSettings.SUPERUSER_EMAIL)).hasSize(1);
    }

    @Test
    void aRefreshTokenIsSpentForEveryInstanceAndItsReuseOnAnotherEndsTheFamily() throws Exception {
        String token = MAPPER.readTree(form(first, "/api/v1/login/access-token",
                                            "username=" + URLEncoder.encode(TestSettings.SUPERUSER_EMAIL,
                                                                            StandardCharsets.UTF_8)
                                            + "&password=" + TestSettings.SUPERUSER_PASSWORD
                                            + "&scope=offline_access").body()).path("refresh_token").asText();

        // the same token on both instances at once: exactly one of them takes it
        List<HttpResponse<String>> answers = AtOnce.run(List.of(() -> refresh(first, token),
                                                                () -> refresh(second, token)));
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 200).hasSize(1);
        assertThat(answers).filteredOn(answer -> answer.statusCode() == 401).singleElement()
                .satisfies(answer -> assertThat(answer.body()).isEqualTo("{\"detail\":\"Invalid refresh token\"}"));
        String successor = MAPPER.readTree(answers.stream().filter(answer -> answer.statusCode() == 200)
                                                   .findFirst().orElseThrow().body()).path("refresh_token").asText();

        assertThat(refresh(first, successor).statusCode()).as("the loser's reuse ended the family everywhere")
                .isEqualTo(401);
        assertThat(refresh(second, successor).statusCode()).isEqualTo(401);
    }

    @Test
    void ofTwoInstancesWritingOneItemWithOneTagExactlyOneWins() throws Exception {
        String admin = login(first, TestSettings.SUPERUSER_EMAIL, TestSettings.SUPERUSER_PASSWORD);
        String id = MAPPER.readTree(send(first, "POST", "/api/v1/items/", admin, Map.of("title", "shared")).body())
                .path("id").asText();
        String tag = get(second, "/api/v1/items/" + id, admin).headers().firstValue("ETag").orElseThrow();

        List<HttpResponse<String>> answers = AtOnce.run(List.of(
                () -> conditionalPut(first, id, admin, tag, "first"),
                () -> conditionalPut(second, id, admin, tag, "second")));

        assertThat(answers).extracting(HttpResponse::statusCode).containsExactlyInAnyOrder(200, 412);
        String winner = MAPPER.readTree(answers.stream().filter(answer -> answer.statusCode() == 200).findFirst()
                                                .orElseThrow().body()).path("title").asText();
        assertThat(MAPPER.readTree(get(first, "/api/v1/items/" + id, admin).body()).path("title").asText())
                .isEqualTo(winner);
    }

    @Test
    void oneIdempotencyKeyOnTwoInstancesCreatesOneItem() throws Exception {
        String admin = login(first, TestSettings.SUPERUSER_EMAIL, TestSettings.SUPERUSER_PASSWORD);
        String key = UUID.randomUUID().toString();
        String title = "keyed " + key;

        List<HttpResponse<String>> answers = AtOnce.run(List.of(() -> keyedPost(first, admin, key, title),
                                                                () -> keyedPost(second, admin, key, title)));
        HttpResponse<String> later = keyedPost(second, admin, key, title);

        assertThat(answers).extracting(HttpResponse::statusCode).allMatch(status -> status == 200 || status == 409)
                .contains(200);
        assertThat(later.statusCode()).isEqualTo(200);
        assertThat(later.headers().firstValue("Idempotent-Replayed")).hasValue("true");
        long items = MAPPER.readTree(get(first, "/api/v1/items/?limit=1000", admin).body()).path("data")
                .findValuesAsText("title").stream().filter(title::equals).count();
        assertThat(items).isEqualTo(1);
    }

    @Test
    void itemCountsStayExactWhileTwoInstancesCreateAndDeleteAtOnce() throws Exception {
        String admin = login(first, TestSettings.SUPERUSER_EMAIL, TestSettings.SUPERUSER_PASSWORD);
        String owner = newUserToken(admin);
        String leaving = newUserToken(admin);
        String leavingId = MAPPER.readTree(get(first, "/api/v1/users/me", leaving).body()).path("id").asText();
        RunningInstance[] instances = {first, second};

        // 16 writers, half on each instance: each creates 12 items of one owner and deletes every third on the
        // other instance; meanwhile a user who owns 20 items is deleted, and their items go by cascade
        for (int i = 0; i < 20; i++) {
            assertThat(send(first, "POST", "/api/v1/items/", leaving, Map.of("title", "leaving " + i)).statusCode())
                    .isEqualTo(200);
        }
        List<Integer> kept = AtOnce.run(17, writer -> () -> {
            if (writer == 16) {
                return send(second, "DELETE", "/api/v1/users/" + leavingId, admin, null).statusCode() == 200 ? 0 : -1;
            }
            String token = writer % 2 == 0 ? owner : admin;
            int left = 0;
            for (int i = 0; i < 12; i++) {
                HttpResponse<String> created = send(instances[writer % 2], "POST", "/api/v1/items/", token,
                                                    Map.of("title", "writer " + writer + " item " + i));
                assertThat(created.statusCode()).isEqualTo(200);
                if (i % 3 == 0) {
                    String id = MAPPER.readTree(created.body()).path("id").asText();
                    assertThat(send(instances[(writer + 1) % 2], "DELETE", "/api/v1/items/" + id, token, null)
                                       .statusCode()).isEqualTo(200);
                } else {
                    left++;
                }
            }
            return left;
        });

        assertThat(kept).doesNotContain(-1);
        String ownerId = MAPPER.readTree(get(first, "/api/v1/users/me", owner).body()).path("id").asText();
        long ownerRows = TestDatabases.queryLong(database, "SELECT COUNT(*) FROM item WHERE owner_id = '" + ownerId + "'");
        long allRows = TestDatabases.queryLong(database, "SELECT COUNT(*) FROM item");
        assertThat(ownerRows).isEqualTo(8 * 8);
        assertThat(allRows).isEqualTo(16 * 8);
        for (RunningInstance instance : instances) {
            assertThat(MAPPER.readTree(get(instance, "/api/v1/items/?limit=1", owner).body()).path("count").asLong())
                    .isEqualTo(ownerRows);
            assertThat(MAPPER.readTree(get(instance, "/api/v1/items/?limit=1", admin).body()).path("count").asLong())
                    .isEqualTo(allRows);
        }
    }

    private String newUserToken(String admin) throws Exception {
        String email = "counted-" + UUID.randomUUID() + "@example.com";
        assertThat(send(first, "POST", "/api/v1/users/", admin, Map.of("email", email, "password", "long-enough-1"))
                           .statusCode()).isEqualTo(200);
        return login(first, email, "long-enough-1");
    }

    private static HttpResponse<String> keyedPost(RunningInstance instance, String token, String key, String title) {
        return instance.send("/api/v1/items/", request -> request
                .header("Authorization", "Bearer " + token)
                .header("Idempotency-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}")));
    }

    private static HttpResponse<String> conditionalPut(RunningInstance instance, String id, String token, String tag,
                                                       String title) {
        return instance.send("/api/v1/items/" + id, request -> request
                .header("Authorization", "Bearer " + token)
                .header("If-Match", tag)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"title\":\"" + title + "\"}")));
    }

    private static HttpResponse<String> refresh(RunningInstance instance, String token) {
        return form(instance, "/api/v1/login/refresh", "grant_type=refresh_token&refresh_token=" + token);
    }

    private static HttpResponse<String> form(RunningInstance instance, String path, String form) {
        return instance.send(path, request -> request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    private static String login(RunningInstance instance, String email, String password) throws Exception {
        String form = "username=" + URLEncoder.encode(email, StandardCharsets.UTF_8)
                      + "&password=" + password;
        HttpResponse<String> reply = instance.send("/api/v1/login/access-token", request -> request
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
        return MAPPER.readTree(reply.body()).path("access_token").asText();
    }

    private static HttpResponse<String> get(RunningInstance instance, String path, String token) {
        return send(instance, "GET", path, token, null);
    }

    private static HttpResponse<String> send(RunningInstance instance, String method, String path, String token,
                                             Object body) {
        return instance.send(path, request -> {
            if (token != null) {
                request.header("Authorization", "Bearer " + token);
            }
            try {
                return request.header("Content-Type", "application/json")
                        .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                                                     : HttpRequest.BodyPublishers.ofString(
                                                             MAPPER.writeValueAsString(body)));
            } catch (JsonProcessingException e) {
                throw new IllegalArgumentException(e);
            }
        });
    }
}
