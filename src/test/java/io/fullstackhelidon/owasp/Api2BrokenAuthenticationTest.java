package io.fullstackhelidon.owasp;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
 * from a known one by the answer or its timing.
 */
@ServerTest
class Api2BrokenAuthenticationTest {

    private static final String OLD_KEY = "the-key-before-rotation";

    private final TestApi api;

    Api2BrokenAuthenticationTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
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

    @Test
    void unknownAndKnownAddressesAnswerAlikeInTextAndTime() {
        TestApi.Account known = api.randomUser();
        String unknown = TestApi.randomEmail();
        login(known.user().email(), "warm-up-wrong-1");
        login(unknown, "warm-up-wrong-1");
        List<Long> knownNanos = new ArrayList<>();
        List<Long> unknownNanos = new ArrayList<>();
        Reply knownReply = null;
        Reply unknownReply = null;
        for (int round = 0; round < 4; round++) {
            long start = System.nanoTime();
            knownReply = login(known.user().email(), "wrong-password-" + round);
            knownNanos.add(System.nanoTime() - start);
            start = System.nanoTime();
            unknownReply = login(unknown, "wrong-password-" + round);
            unknownNanos.add(System.nanoTime() - start);
        }

        assertThat(knownReply.text()).isEqualTo(unknownReply.text());
        double ratio = (double) median(knownNanos) / median(unknownNanos);
        assertThat(ratio).as("both pay for one argon2 verification (known/unknown median time)").isBetween(0.5, 2.0);
    }

    private Reply login(String email, String password) {
        return api.postForm("/login/access-token", Map.of("username", email, "password", password));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = values.stream().sorted().toList();
        return (sorted.get(sorted.size() / 2) + sorted.get((sorted.size() - 1) / 2)) / 2;
    }
}
