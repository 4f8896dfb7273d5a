package io.fullstackhelidon.features.users;

import java.util.List;
import java.util.Map;

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

/** An administrator cannot lock everyone out: the last active superuser is neither demoted nor deactivated. */
@ServerTest
class LastSuperuserTest {

    private final TestApi api;

    LastSuperuserTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void theLastActiveSuperuserKeepsItsRightsUntilAnotherOneExists() {
        String token = api.superuserToken();
        String first = api.get("/users/me", token).json().path("id").asText();

        for (Map<String, Object> change : List.<Map<String, Object>>of(Map.of("is_superuser", false),
                                                                      Map.of("is_active", false))) {
            Reply refused = api.json(Method.PATCH, "/users/" + first, token, change);
            assertThat(refused.status()).as("%s", change).isEqualTo(400);
            assertThat(refused.detail()).isEqualTo("The last active superuser cannot be demoted or deactivated");
        }
        User stored = api.users().findByEmail(TestSettings.SUPERUSER_EMAIL).orElseThrow();
        assertThat(stored.isSuperuser() && stored.isActive()).isTrue();
        assertThat(api.json(Method.PATCH, "/users/" + first, token, Map.of("full_name", "Still in charge")).status())
                .as("other changes still go through").isEqualTo(200);

        Reply second = api.post("/users/", token, Map.of("email", TestApi.randomEmail(), "password", "second-admin",
                                                         "is_superuser", true));
        assertThat(second.status()).isEqualTo(200);
        Reply demoted = api.json(Method.PATCH, "/users/" + first, token, Map.of("is_superuser", false));
        assertThat(demoted.status()).isEqualTo(200);
        assertThat(demoted.json().path("is_superuser").asBoolean()).isFalse();

        String secondToken = api.login(second.json().path("email").asText(), "second-admin");
        Reply lastOne = api.json(Method.PATCH, "/users/" + second.json().path("id").asText(), secondToken,
                                 Map.of("is_active", false));
        assertThat(lastOne.status()).isEqualTo(400);
        assertThat(api.users().findByEmail(second.json().path("email").asText()).orElseThrow().isActive()).isTrue();
    }
}
