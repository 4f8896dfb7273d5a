package io.fullstackhelidon.infra.ratelimit;

import java.util.HashMap;
import java.util.Map;

import io.fullstackhelidon.App;
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
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rate limits in one instance: the stricter limits of the sensitive endpoints, the 429 answer and its headers, the
 * per-account lock-out after failed logins, and client addresses (X-Forwarded-For only from trusted proxies).
 */
@ServerTest
class RateLimitTest {

    private final TestApi api;

    RateLimitTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Map<String, String> limits = new HashMap<>();
        limits.put("ratelimit.signup.requests", "3");
        limits.put("ratelimit.signup.seconds", "3600");
        limits.put("ratelimit.recovery.requests", "2");
        limits.put("ratelimit.recovery.seconds", "3600");
        limits.put("ratelimit.failedlogins.requests", "3");
        limits.put("ratelimit.failedlogins.seconds", "3600");
        limits.put("proxy.trusted", "127.0.0.1,::1");
        TestServer.configure(server, limits);
    }

    @Test
    void signupIsLimitedPerClientWith429AndRateLimitHeaders() {
        String client = "203.0.113.10";
        for (int i = 0; i < 3; i++) {
            Reply ok = signup(client);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("RateLimit-Limit")).hasValue("3");
            assertThat(ok.header("RateLimit-Remaining")).hasValue(Integer.toString(2 - i));
            assertThat(ok.header("RateLimit-Reset")).isPresent();
        }

        Reply refused = signup(client);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.detail()).startsWith("Too many requests, retry after ");
        assertThat(refused.header("Retry-After")).hasValueSatisfying(
                seconds -> assertThat(Long.parseLong(seconds)).isBetween(1L, 1200L));
        assertThat(refused.header("RateLimit-Remaining")).hasValue("0");
        assertThat(signup("203.0.113.11").status()).as("another client has its own bucket").isEqualTo(200);
        assertThat(api.get("/utils/health-check/", null).status()).as("other routes are not affected")
                .isEqualTo(200);
    }

    @Test
    void recoveryIsLimitedPerClient() {
        for (int i = 0; i < 2; i++) {
            assertThat(recovery("203.0.113.20").status()).isIn(200, 503);
        }
        assertThat(recovery("203.0.113.20").status()).isEqualTo(429);
    }

    @Test
    void anAccountIsLockedAfterFailedLoginsEvenForTheRightPassword() {
        TestApi.Account account = api.randomUser();
        String email = account.user().email();
        for (int i = 0; i < 3; i++) {
            assertThat(login(email, "wrong-password-" + i).status()).isEqualTo(400);
        }

        Reply locked = login(email, account.password());

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.detail()).startsWith("Too many failed login attempts for this account");
        assertThat(locked.header("Retry-After")).isPresent();
        assertThat(login(TestSettings.SUPERUSER_EMAIL, TestSettings.SUPERUSER_PASSWORD).status())
                .as("other accounts are not locked").isEqualTo(200);
    }

    @Test
    void aSuccessfulLoginClearsTheFailures() {
        TestApi.Account account = api.randomUser();
        String email = account.user().email();
        login(email, "wrong-1");
        login(email, "wrong-2");
        assertThat(login(email, account.password()).status()).isEqualTo(200);

        login(email, "wrong-3");
        login(email, "wrong-4");

        assertThat(login(email, account.password()).status()).isEqualTo(200);
    }

    @Test
    void forwardedForCountsOnlyFromTrustedProxies() {
        // the server trusts 127.0.0.1 (this test's client): the rightmost untrusted forwarded address is the client
        for (int i = 0; i < 3; i++) {
            signupThrough("198.51.100.7, 127.0.0.1");
        }
        assertThat(signupThrough("198.51.100.7").status()).isEqualTo(429);
        assertThat(signupThrough("198.51.100.8, 198.51.100.7").status())
                .as("a client cannot hide behind an address it adds on the left").isEqualTo(429);
    }

    private Reply signup(String clientAddress) {
        return signupThrough(clientAddress);
    }

    private Reply signupThrough(String forwardedFor) {
        return api.call(Method.POST, "/users/signup", request -> request
                .header(HeaderNames.X_FORWARDED_FOR, forwardedFor)
                .header(HeaderNames.CONTENT_TYPE, "application/json"),
                        TestApi.toJson(Map.of("email", TestApi.randomEmail(), "password", "long-enough")));
    }

    private Reply recovery(String clientAddress) {
        return api.call(Method.POST, "/password-recovery/" + TestApi.randomEmail(),
                        request -> request.header(HeaderNames.X_FORWARDED_FOR, clientAddress), null);
    }

    private Reply login(String email, String password) {
        return api.postForm("/login/access-token", Map.of("username", email, "password", password));
    }
}
