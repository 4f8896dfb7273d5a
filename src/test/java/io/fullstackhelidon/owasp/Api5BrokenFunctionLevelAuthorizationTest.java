package io.fullstackhelidon.owasp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.App;
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

/** OWASP API5:2023 Broken Function Level Authorization: every superuser function refuses a normal user. */
@ServerTest
class Api5BrokenFunctionLevelAuthorizationTest {

    private final TestApi api;

    Api5BrokenFunctionLevelAuthorizationTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void everySuperuserRouteRefusesANormalUser() {
        String token = api.normalUserToken();
        String someone = api.randomUser().id().toString();
        String body = TestApi.toJson(Map.of("email", TestApi.randomEmail(), "password", "long-enough",
                                            "is_superuser", true));

        List<Reply> replies = List.of(
                api.get("/users/", token),
                api.post("/users/", token, body),
                api.json(Method.PATCH, "/users/" + someone, token, Map.of("is_superuser", true)),
                api.delete("/users/" + someone, token),
                api.call(Method.POST, "/utils/test-email/?email_to=a@example.com", TestApi.bearer(token), null),
                api.call(Method.POST, "/password-recovery-html-content/" + TestSettings.SUPERUSER_EMAIL,
                         TestApi.bearer(token), null),
                api.json(Method.PATCH, "/users/" + UUID.randomUUID(), token, Map.of("full_name", "x")));

        for (Reply reply : replies) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.detail()).isEqualTo("The user doesn't have enough privileges");
        }
        assertThat(api.users().findById(UUID.fromString(someone))).hasValueSatisfying(
                user -> assertThat(user.isSuperuser()).isFalse());
    }
}
