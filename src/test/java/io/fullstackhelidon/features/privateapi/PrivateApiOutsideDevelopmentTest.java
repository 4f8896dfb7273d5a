package io.fullstackhelidon.features.privateapi;

import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Outside development the private route does not exist at all. */
@ServerTest
class PrivateApiOutsideDevelopmentTest {

    private final TestApi api;

    PrivateApiOutsideDevelopmentTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("app.environment", "production"));
    }

    @Test
    void privateUsersIsNotFound() {
        Reply reply = api.post("/private/users/", null, Map.of("email", "a@example.com", "password", "pw",
                                                               "full_name", "x"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.text()).isEqualTo("{\"detail\":\"Not Found\"}");
    }
}
