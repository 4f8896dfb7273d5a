package io.fullstackhelidon.owasp;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.infra.security.AccessTokens;
import io.fullstackhelidon.infra.security.HmacJwt;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API2:2023 Broken Authentication. Forged, expired and foreign tokens are in BearerAuthenticationTest and
 * AccessTokensTest, brute force in RateLimitTest; here: key rotation, and that an unknown address cannot be told
 * from a known one by the answer or the work (and so the time) it costs.
 */
@ServerTest
class Api2BrokenAuthenticationTest {

    private static final String OLD_KEY = "the-key-before-rotation";

    private final TestApi api;
    private final Http1Client client;

    Api2BrokenAuthenticationTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.client = client;
    }

    /** With the production cost of hashing: an unknown account must cost what a known one costs. */
    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        Map<String, String> settings = new HashMap<>(TestSettings.PRODUCTION_HASHING);
        settings.put("security.previous-secret-keys", OLD_KEY + ", another-old-key");
        TestServer.configure(server, settings);
    }

    @Test
    void afterARotationOldTokensStillWorkAndNewOnesUseTheNewKey() {
        UUID superuser = api.users().findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow().id();
        String oldToken = new AccessTokens(new HmacJwt(OLD_KEY, Clock.systemUTC()), Duration.ofHours(1))
                .issue(superuser, Optional.empty());
        String removedKeyToken = new AccessTokens(new HmacJwt("a-key-no-longer-configured", Clock.systemUTC()),
                                                  Duration.ofHours(1)).issue(superuser, Optional.empty());

        assertThat(api.get("/users/me", oldToken).status()).isEqualTo(200);
        assertThat(api.get("/users/me", removedKeyToken).status()).isEqualTo(403);
        String fresh = api.superuserToken();
        assertThat(new AccessTokens(new HmacJwt(TestSettings.SECRET_KEY, Clock.systemUTC()), Duration.ofHours(1))
                           .verify(fresh).map(AccessTokens.VerifiedToken::userId)).hasValue(superuser);
        assertThat(new AccessTokens(new HmacJwt(OLD_KEY, Clock.systemUTC()), Duration.ofHours(1))
                           .verify(fresh)).as("new tokens are not signed with the old key").isEmpty();
    }

    /**
     * Alike in time because alike in work: each wrong login costs exactly one argon2 computation, a known address's
     * verification or an unknown one's stand-in of the same parameters (counted by the service's own meter, so the
     * check holds on a busy machine; the time itself is measured by {@code bench/}, not asserted here).
     */
    @Test
    void unknownAndKnownAddressesAnswerAlikeInTextAndWork() {
        TestApi.Account known = api.randomUser();
        String unknown = TestApi.randomEmail();

        double before = argon2Computations();
        Reply knownReply = login(known.user().email(), "wrong-password-1");
        double afterKnown = argon2Computations();
        Reply unknownReply = login(unknown, "wrong-password-1");
        double afterUnknown = argon2Computations();

        assertThat(knownReply.status()).isEqualTo(400);
        assertThat(knownReply.text()).isEqualTo(unknownReply.text());
        assertThat(unknownReply.status()).isEqualTo(knownReply.status());
        assertThat(afterKnown - before).as("argon2 computations for a known address").isEqualTo(1.0);
        assertThat(afterUnknown - afterKnown).as("argon2 computations for an unknown address").isEqualTo(1.0);
    }

    private double argon2Computations() {
        return client.get("/metrics").requestEntity(String.class).lines()
                .filter(line -> line.startsWith("security_password_argon2_total"))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .sum();
    }

    private Reply login(String email, String password) {
        return api.postForm("/login/access-token", Map.of("username", email, "password", password));
    }
}
