package io.fullstackhelidon.features.login;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.infra.db.Migrations;
import io.fullstackhelidon.infra.security.Sha256;
import io.fullstackhelidon.support.AtOnce;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.helidon.dbclient.DbRow;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens over HTTP: asked for with {@code scope=offline_access} (without it, the template's answer and nothing
 * stored), rotated at every use, a spent one presented again ending its family, one winner among concurrent uses (the
 * others are reuses: no leeway by default), the revocation causes, {@code /login/logout}, and the bound of families
 * per user (here 2).
 */
@ServerTest
class RefreshTokenApiTest {

    private static final String TABLE = Migrations.SERVICE_SCHEMA + ".refresh_tokens";

    private final TestApi api;
    private final App app;

    RefreshTokenApiTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.app = app;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("refresh.families", "2"));
    }

    @Test
    void withoutOfflineAccessTheAnswerIsTheTemplatesAndNothingIsStored() {
        TestApi.Account account = api.randomUser();

        Reply reply = login(account, "");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).toIterable().containsExactly("access_token", "token_type");
        assertThat(storedTokens(account.id())).isZero();
    }

    @Test
    void offlineAccessAddsARefreshTokenKeptOnlyAsItsDigest() {
        TestApi.Account account = api.randomUser();

        Reply reply = login(account, "openid offline_access");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().fieldNames()).toIterable()
                .containsExactly("access_token", "token_type", "refresh_token", "expires_in");
        assertThat(reply.json().path("token_type").asText()).isEqualTo("bearer");
        assertThat(reply.json().path("expires_in").asLong())
                .isEqualTo(app.settings().security().accessTokenLifetime().toSeconds());
        String refreshToken = reply.json().path("refresh_token").asText();
        assertThat(refreshToken).hasSizeGreaterThanOrEqualTo(43);
        assertThat(api.get("/users/me", reply.json().path("access_token").asText()).status()).isEqualTo(200);
        List<DbRow> rows = app.database().client().execute()
                .query("SELECT * FROM " + TABLE + " WHERE user_id = ?", account.id()).toList();
        assertThat(rows).singleElement().satisfies(row -> {
            assertThat(row.column("token_sha256").get(String.class)).isEqualTo(Sha256.hex(refreshToken));
            row.forEach(column -> assertThat(String.valueOf(column.get(Object.class)))
                    .as("column " + column.name()).doesNotContain(refreshToken));
        });
    }

    @Test
    void aRefreshRotatesAndASpentTokenPresentedAgainEndsTheFamily() {
        TestApi.Account account = api.randomUser();
        String first = refreshTokenOf(login(account, "offline_access"));

        Reply refreshed = refresh(first);
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.json().fieldNames()).toIterable()
                .containsExactly("access_token", "token_type", "refresh_token", "expires_in");
        String second = refreshTokenOf(refreshed);
        assertThat(second).isNotEqualTo(first);
        assertThat(api.get("/users/me", refreshed.json().path("access_token").asText()).status()).isEqualTo(200);

        ListAppender<ILoggingEvent> log = listen();
        try {
            assertInvalid(refresh(first));
        } finally {
            ((Logger) LoggerFactory.getLogger(RefreshTokens.class)).detachAppender(log);
        }

        assertInvalid(refresh(second));
        assertThat(storedTokens(account.id())).as("the family is gone").isZero();
        assertThat(log.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.WARN);
            assertThat(event.getFormattedMessage()).contains("spent refresh token").contains(account.id().toString())
                    .doesNotContain(first).doesNotContain(second);
        });
    }

    @Test
    void ofConcurrentRefreshesWithOneTokenExactlyOneWinsAndTheOthersEndTheFamily() throws Exception {
        TestApi.Account account = api.randomUser();
        String token = refreshTokenOf(login(account, "offline_access"));
        int racers = 8;
        List<Reply> answers = AtOnce.run(racers, i -> () -> refresh(token));
        List<Reply> won = answers.stream().filter(reply -> reply.status() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(answers).filteredOn(reply -> reply.status() != 200).hasSize(racers - 1)
                .allSatisfy(RefreshTokenApiTest::assertInvalid);
        assertInvalid(refresh(refreshTokenOf(won.getFirst())));
    }

    @Test
    void logoutEndsTheCallersFamilyOnlyAndAnUnknownTokenGetsTheSameAnswer() {
        TestApi.Account account = api.randomUser();
        String ended = refreshTokenOf(login(account, "offline_access"));
        String other = refreshTokenOf(login(account, "offline_access"));

        Reply logout = api.postForm("/login/logout", Map.of("refresh_token", ended));

        assertThat(logout.status()).isEqualTo(200);
        assertThat(logout.text()).isEqualTo("{\"message\":\"Logged out\"}");
        assertInvalid(refresh(ended));
        assertThat(refresh(other).status()).as("another login of the same user").isEqualTo(200);
        assertThat(api.postForm("/login/logout", Map.of("refresh_token", "nobody-knows-this")).text())
                .isEqualTo("{\"message\":\"Logged out\"}");
    }

    @Test
    void logOutEverywhereAPasswordChangeAndADeactivationEndEveryFamily() {
        TestApi.Account everywhere = api.randomUser();
        String beforeLogoutAll = refreshTokenOf(login(everywhere, "offline_access"));
        api.post("/login/logout-all", api.login(everywhere.user().email(), everywhere.password()), null);
        assertInvalid(refresh(beforeLogoutAll));
        assertThat(refresh(refreshTokenOf(login(everywhere, "offline_access"))).status())
                .as("a login after the logout").isEqualTo(200);

        TestApi.Account changing = api.randomUser();
        String beforeChange = refreshTokenOf(login(changing, "offline_access"));
        String access = api.login(changing.user().email(), changing.password());
        assertThat(api.json(Method.PATCH, "/users/me/password", access,
                            Map.of("current_password", changing.password(), "new_password", "changed-pass-1"))
                           .status()).isEqualTo(200);
        assertInvalid(refresh(beforeChange));

        TestApi.Account deactivated = api.randomUser();
        String beforeDeactivation = refreshTokenOf(login(deactivated, "offline_access"));
        assertThat(api.json(Method.PATCH, "/users/" + deactivated.id(), api.superuserToken(),
                            Map.of("is_active", false)).status()).isEqualTo(200);
        assertInvalid(refresh(beforeDeactivation));
    }

    @Test
    void aNewLoginBeyondTheBoundEndsTheOldestFamily() {
        TestApi.Account account = api.randomUser();
        String oldest = refreshTokenOf(login(account, "offline_access"));
        String middle = refreshTokenOf(login(account, "offline_access"));
        String newest = refreshTokenOf(login(account, "offline_access"));

        assertInvalid(refresh(oldest));
        assertThat(refresh(middle).status()).isEqualTo(200);
        assertThat(refresh(newest).status()).isEqualTo(200);
    }

    @Test
    void aDeletedUsersTokensGoWithThem() {
        TestApi.Account account = api.randomUser();
        String token = refreshTokenOf(login(account, "offline_access"));

        assertThat(api.delete("/users/" + account.id(), api.superuserToken()).status()).isEqualTo(200);

        assertThat(storedTokens(account.id())).isZero();
        assertInvalid(refresh(token));
    }

    @Test
    void theGrantsFormIsValidatedAsTheLoginsIs() {
        Reply wrongGrant = api.postForm("/login/refresh", Map.of("grant_type", "password", "refresh_token", "x"));
        Reply missingToken = api.postForm("/login/refresh", Map.of("grant_type", "refresh_token"));

        assertThat(wrongGrant.status()).isEqualTo(422);
        assertThat(wrongGrant.firstIssue().path("loc").toString()).isEqualTo("[\"body\",\"grant_type\"]");
        assertThat(missingToken.status()).isEqualTo(422);
        assertThat(missingToken.firstIssue().path("type").asText()).isEqualTo("missing");
    }

    private Reply login(TestApi.Account account, String scope) {
        return api.postForm("/login/access-token", Map.of("username", account.user().email(),
                                                          "password", account.password(), "scope", scope));
    }

    private Reply refresh(String token) {
        return api.postForm("/login/refresh", Map.of("grant_type", "refresh_token", "refresh_token", token));
    }

    private static String refreshTokenOf(Reply reply) {
        assertThat(reply.status()).as(reply.text()).isEqualTo(200);
        return reply.json().path("refresh_token").asText();
    }

    private static void assertInvalid(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.text()).isEqualTo("{\"detail\":\"Invalid refresh token\"}");
        assertThat(reply.header("WWW-Authenticate")).hasValue("Bearer");
    }

    private long storedTokens(UUID userId) {
        return app.database().client().execute()
                .get("SELECT COUNT(*) AS n FROM " + TABLE + " WHERE user_id = ?", userId)
                .orElseThrow().column("n").get(Number.class).longValue();
    }

    private static ListAppender<ILoggingEvent> listen() {
        ListAppender<ILoggingEvent> log = new ListAppender<>();
        log.start();
        ((Logger) LoggerFactory.getLogger(RefreshTokens.class)).addAppender(log);
        return log;
    }
}
