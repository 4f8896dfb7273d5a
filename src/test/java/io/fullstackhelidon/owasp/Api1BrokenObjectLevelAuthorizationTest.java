package io.fullstackhelidon.owasp;

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

/** OWASP API1:2023 Broken Object Level Authorization: nobody reaches another user's objects by id, in any verb. */
@ServerTest
class Api1BrokenObjectLevelAuthorizationTest {

    private final TestApi api;

    Api1BrokenObjectLevelAuthorizationTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void anotherUsersItemCannotBeReadChangedOrDeleted() {
        JsonNode item = api.randomItem();
        String path = "/items/" + item.path("id").asText();
        TestApi.Account intruder = api.randomUser();
        String token = api.login(intruder.user().email(), intruder.password());

        for (Reply reply : new Reply[] {
                api.get(path, token),
                api.json(Method.PUT, path, token, Map.of("title", "owned")),
                api.delete(path, token)}) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.detail()).isEqualTo("Not enough permissions");
        }
        JsonNode unchanged = api.get(path, api.superuserToken()).json();
        assertThat(unchanged.path("title").asText()).isEqualTo(item.path("title").asText());
        assertThat(api.get("/items/", token).json().path("count").asLong()).isZero();
    }

    @Test
    void anotherUserCannotBeReadChangedOrDeleted() {
        TestApi.Account victim = api.randomUser();
        TestApi.Account intruder = api.randomUser();
        String token = api.login(intruder.user().email(), intruder.password());
        String path = "/users/" + victim.id();

        for (Reply reply : new Reply[] {
                api.get(path, token),
                api.json(Method.PATCH, path, token, Map.of("full_name", "owned")),
                api.delete(path, token)}) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.detail()).isEqualTo("The user doesn't have enough privileges");
        }
        assertThat(api.users().findById(victim.id())).hasValueSatisfying(
                user -> assertThat(user.fullName()).isNull());
    }

    @Test
    void anItemCannotBeMovedToAnotherOwner() {
        TestApi.Account owner = api.randomUser();
        TestApi.Account other = api.randomUser();
        String token = api.login(owner.user().email(), owner.password());

        JsonNode created = api.post("/items/", token, Map.of("title", "mine", "owner_id", other.id().toString()))
                .json();
        JsonNode updated = api.json(Method.PUT, "/items/" + created.path("id").asText(), token,
                                    Map.of("owner_id", other.id().toString())).json();

        assertThat(created.path("owner_id").asText()).isEqualTo(owner.id().toString());
        assertThat(updated.path("owner_id").asText()).isEqualTo(owner.id().toString());
    }
}
