package io.fullstackhelidon.features.login;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;

import io.fullstackhelidon.App;
import io.fullstackhelidon.infra.security.AccessTokens;
import io.fullstackhelidon.infra.security.HmacJwt;
import io.fullstackhelidon.infra.security.ResetTokens;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tokens end with the password (OWASP ASVS V3.3): a password change, a reset, a deactivation, an administrator's new
 * password and "log out everywhere" refuse every earlier token of the user with the answer of a bad token, while a
 * token issued right after (in the same second) works. A password change keeps the token that made it, as the
 * template's clients go on using it.
 */
@ServerTest
class TokenRevocationTest {

    private static final String REFUSED = "{\"detail\":\"Could not validate credentials\"}";

    private final TestApi api;
    private final App app;

    TokenRevocationTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.app = app;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void aPasswordChangeEndsEveryOtherTokenAndKeepsTheOneThatMadeIt() {
        TestApi.Account account = api.randomUser();
        // the template's claims (exp, sub) make two logins of one user in one second the same token: one a bit older
        String elsewhere = tokenIssuedAgo(account, Duration.ofSeconds(5));
        String templateMade = tokenIssuedAgo(account, Duration.ofHours(1));
        String here = api.login(account.user().email(), account.password());
        assertThat(api.get("/users/me", templateMade).status()).isEqualTo(200);

        Reply changed = api.json(Method.PATCH, "/users/me/password", here,
                                 Map.of("current_password", account.password(), "new_password", "brand-new-pass-1"));

        assertThat(changed.status()).isEqualTo(200);
        assertRefused(elsewhere);
        assertRefused(templateMade);
        assertThat(api.get("/users/me", here).status()).as("the changing session goes on").isEqualTo(200);
        String fresh = api.login(account.user().email(), "brand-new-pass-1");
        assertThat(api.get("/users/me", fresh).status()).as("a login in the same second works").isEqualTo(200);
    }

    @Test
    void aResetEndsEveryToken() {
        TestApi.Account account = api.randomUser();
        String before = api.login(account.user().email(), account.password());
        String resetToken = new ResetTokens(new HmacJwt(TestSettings.SECRET_KEY, Clock.systemUTC()), Duration.ofHours(1))
                .issue(account.user().email());

        Reply reset = api.post("/reset-password/", null, Map.of("token", resetToken, "new_password", "reset-pass-12"));

        assertThat(reset.status()).isEqualTo(200);
        assertRefused(before);
        assertThat(api.get("/users/me", api.login(account.user().email(), "reset-pass-12")).status()).isEqualTo(200);
    }

    @Test
    void logoutEverywhereEndsEveryTokenOfTheCallerIncludingItsOwn() {
        TestApi.Account account = api.randomUser();
        TestApi.Account bystander = api.randomUser();
        // a login on another device a minute ago: two logins within one second would be one and the same token
        String other = tokenIssuedAgo(account, Duration.ofMinutes(1));
        String own = api.login(account.user().email(), account.password());
        assertThat(other).isNotEqualTo(own);
        assertThat(api.get("/users/me", other).status()).as("valid before the logout").isEqualTo(200);
        String bystanderToken = api.login(bystander.user().email(), bystander.password());

        Reply loggedOut = api.post("/login/logout-all", own, null);

        assertThat(loggedOut.status()).isEqualTo(200);
        assertThat(loggedOut.text()).isEqualTo("{\"message\":\"Logged out everywhere\"}");
        assertRefused(own);
        assertRefused(other);
        assertThat(api.get("/users/me", bystanderToken).status()).as("other users keep theirs").isEqualTo(200);
        assertThat(api.get("/users/me", api.login(account.user().email(), account.password())).status())
                .isEqualTo(200);
        assertThat(api.post("/login/logout-all", null, null).status()).as("needs a token").isEqualTo(401);
    }

    @Test
    void aDeactivationEndsTokensForGoodAndANewPasswordFromAnAdministratorToo() {
        String admin = api.superuserToken();
        TestApi.Account account = api.randomUser();
        String before = api.login(account.user().email(), account.password());
        String path = "/users/" + account.id();

        assertThat(api.json(Method.PATCH, path, admin, Map.of("is_active", false)).status()).isEqualTo(200);
        Reply inactive = api.get("/users/me", before);
        assertThat(inactive.status()).as("the template's answer while inactive").isEqualTo(400);
        assertThat(api.json(Method.PATCH, path, admin, Map.of("is_active", true)).status()).isEqualTo(200);
        assertRefused(before);

        String again = api.login(account.user().email(), account.password());
        assertThat(api.get("/users/me", again).status()).isEqualTo(200);
        assertThat(api.json(Method.PATCH, path, admin, Map.of("password", "set-by-admin-1")).status()).isEqualTo(200);
        assertRefused(again);
        assertThat(api.get("/users/me", admin).status()).as("the administrator's own token").isEqualTo(200);
        assertThat(api.json(Method.PATCH, path, admin, Map.of("full_name", "Renamed")).status()).isEqualTo(200);
        String afterRename = api.login(account.user().email(), "set-by-admin-1");
        assertThat(api.json(Method.PATCH, path, admin, Map.of("full_name", "Renamed again")).status())
                .isEqualTo(200);
        assertThat(api.get("/users/me", afterRename).status()).as("other changes end nothing").isEqualTo(200);
    }

    private void assertRefused(String token) {
        Reply reply = api.get("/users/me", token);
        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.text()).isEqualTo(REFUSED);
    }

    /** A token as the template would have issued it {@code age} ago: claims exp and sub only. */
    private String tokenIssuedAgo(TestApi.Account account, Duration age) {
        Clock then = Clock.fixed(Instant.now().minus(age), ZoneOffset.UTC);
        return new AccessTokens(new HmacJwt(TestSettings.SECRET_KEY, then),
                                app.settings().security().accessTokenLifetime()).issue(account.id(), Optional.empty());
    }
}
