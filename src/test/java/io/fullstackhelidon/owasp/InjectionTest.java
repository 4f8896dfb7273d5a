package io.fullstackhelidon.owasp;

import java.util.List;
import java.util.Map;

import io.fullstackhelidon.App;
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
 * Injection (OWASP API8:2023, and API10 for what reaches the database): hostile strings are stored and returned
 * exactly as sent, never interpreted; the database still holds every row.
 */
@ServerTest
class InjectionTest {

    private static final List<String> HOSTILE = List.of(
            "'; DROP TABLE item; --",
            "\" OR \"1\"=\"1",
            "<script>alert(document.cookie)</script>",
            "{{7*7}} ${7*7} #{7*7}",
            "${jndi:ldap://127.0.0.1:1389/a}",
            "../../../etc/passwd",
            "é Ω 漢字 🙂 \u202e",
            "line\nbreak\ttab\\backslash");

    private final TestApi api;

    InjectionTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void hostileTextIsStoredAndReturnedVerbatim() {
        TestApi.Account account = api.randomUser();
        String token = api.login(account.user().email(), account.password());

        for (String text : HOSTILE) {
            JsonNode created = api.post("/items/", token, Map.of("title", text, "description", text)).json();
            assertThat(created.path("title").asText()).isEqualTo(text);
            JsonNode read = api.get("/items/" + created.path("id").asText(), token).json();
            assertThat(read.path("title").asText()).isEqualTo(text);
            assertThat(read.path("description").asText()).isEqualTo(text);
            Reply renamed = api.json(Method.PATCH, "/users/me", token, Map.of("full_name", text));
            assertThat(renamed.json().path("full_name").asText()).isEqualTo(text);
        }
        assertThat(api.get("/items/", token).json().path("count").asLong()).isEqualTo(HOSTILE.size());
    }

    @Test
    void addressesWithQuotesWork() {
        String email = "o'brien+" + System.nanoTime() + "@example.com";

        assertThat(api.post("/users/signup", null, Map.of("email", email, "password", "long-enough")).status())
                .isEqualTo(200);
        assertThat(api.login(email, "long-enough")).isNotEmpty();
    }

    @Test
    void hostileIdsAndSearchesAreValidationErrors() {
        String token = api.superuserToken();

        assertThat(api.get("/items/' OR 1=1 --", token).status()).isEqualTo(422);
        assertThat(api.get("/users/?skip=0;DROP TABLE item", token).status()).isEqualTo(422);
        assertThat(api.post("/items/", token, Map.of("title", "nul\u0000byte")).status()).isEqualTo(422);
    }
}
