package io.fullstackhelidon.features.login;

import java.util.List;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.AtOnce;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.Slow;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refresh tokens in real time, with short lifetimes (idle 2 s, absolute 4 s) and a leeway of 1 s: an unused token
 * ends its family, a family ends at its absolute lifetime however often it is used, and within the leeway a client
 * racing itself keeps its family while a reuse after it still ends the family.
 */
@Slow
@ServerTest
class RefreshTokenLifetimeTest {

    private final TestApi api;

    RefreshTokenLifetimeTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("refresh.idle", "PT2S", "refresh.absolute", "PT4S",
                                            "refresh.leeway", "PT1S"));
    }

    @Test
    void aTokenUnusedForTheIdleLifetimeIsRefused() throws InterruptedException {
        String token = login(api.randomUser());

        Thread.sleep(2_500);

        assertInvalid(refresh(token));
    }

    @Test
    void aFamilyEndsAtItsAbsoluteLifetimeHoweverOftenItIsUsed() throws InterruptedException {
        String token = login(api.randomUser());
        for (int use = 0; use < 3; use++) {
            Thread.sleep(1_000);
            Reply reply = refresh(token);
            assertThat(reply.status()).as("use %d, within both lifetimes", use).isEqualTo(200);
            token = reply.json().path("refresh_token").asText();
        }

        Thread.sleep(1_500);

        assertInvalid(refresh(token));
    }

    @Test
    void withinTheLeewayARacingClientKeepsItsFamilyAfterItAReuseEndsIt() throws Exception {
        String token = login(api.randomUser());
        int racers = 6;
        List<Reply> answers = AtOnce.run(racers, i -> () -> refresh(token));
        List<Reply> won = answers.stream().filter(reply -> reply.status() == 200).toList();
        assertThat(won).hasSize(1);
        String successor = won.getFirst().json().path("refresh_token").asText();

        Reply next = refresh(successor);
        assertThat(next.status()).as("the family lives").isEqualTo(200);

        Thread.sleep(1_200);
        assertInvalid(refresh(successor));
        assertInvalid(refresh(next.json().path("refresh_token").asText()));
    }

    private String login(TestApi.Account account) {
        Reply reply = api.postForm("/login/access-token", Map.of("username", account.user().email(),
                                                                 "password", account.password(),
                                                                 "scope", "offline_access"));
        assertThat(reply.status()).isEqualTo(200);
        return reply.json().path("refresh_token").asText();
    }

    private Reply refresh(String token) {
        return api.postForm("/login/refresh", Map.of("grant_type", "refresh_token", "refresh_token", token));
    }

    private static void assertInvalid(Reply reply) {
        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.detail()).isEqualTo("Invalid refresh token");
    }
}
