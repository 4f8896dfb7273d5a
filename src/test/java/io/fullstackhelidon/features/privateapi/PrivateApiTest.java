package io.fullstackhelidon.features.privateapi;

import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static io.fullstackhelidon.support.TestApi.randomEmail;
import static org.assertj.core.api.Assertions.assertThat;

/** The template's {@code tests/api/routes/test_private.py}, and what the end-to-end helpers send to it. */
@ServerTest
class PrivateApiTest {

    private final TestApi api;

    PrivateApiTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void createUser() {
        String email = randomEmail();

        Reply reply = api.post("/private/users/", null,
                               Map.of("email", email, "password", "password123", "full_name", "Pollo Listo"));

        assertThat(reply.status()).isEqualTo(200);
        User stored = api.users().findByEmail(email).orElseThrow();
        assertThat(stored.email()).isEqualTo(email);
        assertThat(stored.fullName()).isEqualTo("Pollo Listo");
        assertThat(stored.isActive()).isTrue();
        assertThat(stored.isSuperuser()).isFalse();
    }

    @Test
    void endToEndHelperBodyWithIsVerifiedLogsInAfterwards() {
        String email = randomEmail();

        Reply reply = api.post("/private/users/", null, Map.of("email", email, "password", "pw",
                                                               "full_name", "Test User", "is_verified", true));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(api.login(email, "pw")).isNotEmpty();
    }

    @Test
    void aDuplicateIsAClientErrorNotA500() {
        String email = randomEmail();
        Map<String, Object> body = Map.of("email", email, "password", "pw", "full_name", "Test User");
        api.post("/private/users/", null, body);

        Reply reply = api.post("/private/users/", null, body);

        assertThat(reply.status()).isEqualTo(400);
    }
}
