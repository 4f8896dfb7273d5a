package io.fullstackhelidon.owasp;

import java.util.HashMap;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API3:2023 Broken Object Property Level Authorization: no mass assignment of privileges or hashes, and no
 * password hash in any answer (TestApi checks the latter on every response of the suite).
 */
@ServerTest
class Api3BrokenObjectPropertyLevelAuthorizationTest {

    private final TestApi api;

    Api3BrokenObjectPropertyLevelAuthorizationTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void signupCannotGrantPrivileges() {
        Map<String, Object> body = new HashMap<>(Map.of("email", TestApi.randomEmail(), "password", "long-enough"));
        body.putAll(Map.of("is_superuser", true, "is_active", false, "hashed_password", "$2b$12$forged",
                           "id", "00000000-0000-4000-8000-000000000000"));

        JsonNode user = api.post("/users/signup", null, body).json();

        assertThat(user.path("is_superuser").asBoolean()).isFalse();
        assertThat(user.path("is_active").asBoolean()).isTrue();
        assertThat(user.path("id").asText()).isNotEqualTo("00000000-0000-4000-8000-000000000000");
        User stored = api.users().findByEmail(user.path("email").asText()).orElseThrow();
        assertThat(stored.hashedPassword()).startsWith("$argon2id$");
    }

    @Test
    void updatingOneselfCannotGrantPrivilegesOrSetAHash() {
        TestApi.Account account = api.randomUser();
        String token = api.login(account.user().email(), account.password());

        Reply reply = api.json(Method.PATCH, "/users/me", token, Map.of(
                "full_name", "Still Me", "is_superuser", true, "is_active", false, "hashed_password", "$2b$12$x"));

        assertThat(reply.status()).isEqualTo(200);
        User stored = api.users().findById(account.id()).orElseThrow();
        assertThat(stored.isSuperuser()).isFalse();
        assertThat(stored.isActive()).isTrue();
        assertThat(stored.hashedPassword()).isEqualTo(account.user().hashedPassword());
        assertThat(stored.fullName()).isEqualTo("Still Me");
    }

    @Test
    void noListOrDetailCarriesAHash() {
        String token = api.superuserToken();
        api.randomItem();

        for (Reply reply : new Reply[] {api.get("/users/", token), api.get("/users/me", token),
                                        api.get("/items/", token)}) {
            assertThat(reply.status()).isEqualTo(200);
            assertThat(reply.text()).doesNotContain("password");
        }
    }
}
