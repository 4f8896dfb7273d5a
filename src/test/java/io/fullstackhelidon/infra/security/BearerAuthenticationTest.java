package io.fullstackhelidon.infra.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Await;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The token chain of contract section 2 over HTTP: 401, 403, 404 and 400, never a 500. */
@ServerTest
class BearerAuthenticationTest {

    private final TestApi api;
    private final HmacJwt jwt = new HmacJwt(TestSettings.SECRET_KEY, Clock.systemUTC());

    BearerAuthenticationTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void noHeaderOrAnotherSchemeIsNotAuthenticated() {
        assertThat(withAuthorization(null).status()).isEqualTo(401);
        Reply basic = withAuthorization("Basic YWRtaW46cGFzcw==");
        assertThat(basic.status()).isEqualTo(401);
        assertThat(basic.detail()).isEqualTo("Not authenticated");
        assertThat(basic.header("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void theSchemeIsCaseInsensitive() {
        assertThat(withAuthorization("bEaReR " + api.superuserToken()).status()).isEqualTo(200);
    }

    @Test
    void anEmptyOrBrokenTokenCannotBeValidated() {
        for (String header : new String[] {"Bearer ", "Bearer", "Bearer not.a.jwt", "Bearer a.b.c"}) {
            Reply reply = withAuthorization(header);
            assertThat(reply.status()).as(header).isEqualTo(403);
            assertThat(reply.detail()).isEqualTo("Could not validate credentials");
            assertThat(reply.header("WWW-Authenticate")).isEmpty();
        }
    }

    @Test
    void tokensSignedWithAnotherKeyOrExpiredAreRefused() {
        UUID superuser = api.users().findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow().id();
        String otherKey = new AccessTokens(new HmacJwt("another-key", Clock.systemUTC()), Duration.ofHours(1))
                .issue(superuser, Optional.empty());
        Clock yesterday = Clock.fixed(Instant.now().minus(Duration.ofDays(1)), ZoneOffset.UTC);
        String expired = new AccessTokens(new HmacJwt(TestSettings.SECRET_KEY, yesterday), Duration.ofMinutes(5))
                .issue(superuser, Optional.empty());

        assertThat(withAuthorization("Bearer " + otherKey).status()).isEqualTo(403);
        assertThat(withAuthorization("Bearer " + expired).status()).isEqualTo(403);
    }

    @Test
    void aTokenAcceptedBeforeIsRefusedOnceItExpires() {
        UUID superuser = api.users().findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow().id();
        String shortLived = new AccessTokens(jwt, Duration.ofSeconds(2)).issue(superuser, Optional.empty());
        assertThat(withAuthorization("Bearer " + shortLived).status()).isEqualTo(200);
        assertThat(withAuthorization("Bearer " + shortLived).status()).as("remembered as verified").isEqualTo(200);

        Await.until("the token's expiry", () -> withAuthorization("Bearer " + shortLived).status() != 200);

        assertThat(withAuthorization("Bearer " + shortLived).status()).isEqualTo(403);
    }

    @Test
    void aResetTokenIsNotAnAccessToken() {
        String resetToken = jwt.sign(Json.createObjectBuilder()
                                             .add("exp", Instant.now().plusSeconds(3600).getEpochSecond() + 0.5)
                                             .add("nbf", Instant.now().getEpochSecond())
                                             .add("sub", TestSettings.SUPERUSER_EMAIL)
                                             .build());

        assertThat(withAuthorization("Bearer " + resetToken).status()).isEqualTo(403);
    }

    @Test
    void aTokenForADeletedUserIsUserNotFound() {
        String token = new AccessTokens(jwt, Duration.ofHours(1)).issue(UUID.randomUUID(), Optional.empty());

        Reply reply = withAuthorization("Bearer " + token);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("User not found");
    }

    @Test
    void superuserOnlyRoutesRefuseNormalUsers() {
        String token = api.normalUserToken();

        for (Reply reply : new Reply[] {
                api.get("/users/", token),
                api.post("/users/", token, "{}"),
                api.json(Method.PATCH, "/users/" + UUID.randomUUID(), token, "{}"),
                api.delete("/users/" + UUID.randomUUID(), token)}) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.detail()).isEqualTo("The user doesn't have enough privileges");
        }
    }

    private Reply withAuthorization(String header) {
        return api.call(Method.GET, "/users/me", request -> {
            if (header != null) {
                request.header(HeaderNames.AUTHORIZATION, header);
            }
        }, null);
    }
}
