package io.fullstackhelidon.features.items;

import java.util.Map;
import java.util.UUID;

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

/** The template's {@code tests/api/routes/test_items.py}, plus ordering, paging, partial updates and cascades. */
@ServerTest
class ItemsApiTest {

    private final TestApi api;

    ItemsApiTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void createItem() {
        Reply reply = api.post("/items/", api.superuserToken(), Map.of("title", "Foo", "description", "Fighters"));

        assertThat(reply.status()).isEqualTo(200);
        JsonNode item = reply.json();
        assertThat(item.path("title").asText()).isEqualTo("Foo");
        assertThat(item.path("description").asText()).isEqualTo("Fighters");
        assertThat(item.has("id")).isTrue();
        assertThat(item.has("owner_id")).isTrue();
        assertThat(item.path("created_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{6})?Z");
        assertThat(api.number("SELECT COUNT(*) AS n FROM item WHERE id = '" + item.path("id").asText() + "'"))
                .isEqualTo(1);
    }

    @Test
    void readItem() {
        JsonNode item = api.randomItem();

        Reply reply = api.get("/items/" + item.path("id").asText(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("title").asText()).isEqualTo(item.path("title").asText());
        assertThat(reply.json().path("description").asText()).isEqualTo(item.path("description").asText());
        assertThat(reply.json().path("id").asText()).isEqualTo(item.path("id").asText());
        assertThat(reply.json().path("owner_id").asText()).isEqualTo(item.path("owner_id").asText());
    }

    @Test
    void readItemNotFound() {
        Reply reply = api.get("/items/" + UUID.randomUUID(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("Item not found");
    }

    @Test
    void readItemNotEnoughPermissions() {
        JsonNode item = api.randomItem();

        Reply reply = api.get("/items/" + item.path("id").asText(), api.normalUserToken());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo("Not enough permissions");
    }

    @Test
    void readItems() {
        api.randomItem();
        api.randomItem();

        Reply reply = api.get("/items/", api.superuserToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("data").size()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void updateItem() {
        JsonNode item = api.randomItem();

        Reply reply = api.json(Method.PUT, "/items/" + item.path("id").asText(), api.superuserToken(),
                               Map.of("title", "Updated title", "description", "Updated description"));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("title").asText()).isEqualTo("Updated title");
        assertThat(reply.json().path("description").asText()).isEqualTo("Updated description");
        assertThat(reply.json().path("id").asText()).isEqualTo(item.path("id").asText());
        assertThat(reply.json().path("owner_id").asText()).isEqualTo(item.path("owner_id").asText());
    }

    @Test
    void updateItemNotFound() {
        Reply reply = api.json(Method.PUT, "/items/" + UUID.randomUUID(), api.superuserToken(),
                               Map.of("title", "Updated title"));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("Item not found");
    }

    @Test
    void updateItemNotEnoughPermissions() {
        JsonNode item = api.randomItem();

        Reply reply = api.json(Method.PUT, "/items/" + item.path("id").asText(), api.normalUserToken(),
                               Map.of("title", "Updated title"));

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo("Not enough permissions");
    }

    @Test
    void deleteItem() {
        JsonNode item = api.randomItem();

        Reply reply = api.delete("/items/" + item.path("id").asText(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("message").asText()).isEqualTo("Item deleted successfully");
        assertThat(api.number("SELECT COUNT(*) AS n FROM item WHERE id = '" + item.path("id").asText() + "'")).isZero();
    }

    @Test
    void deleteItemNotFound() {
        Reply reply = api.delete("/items/" + UUID.randomUUID(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.detail()).isEqualTo("Item not found");
    }

    @Test
    void deleteItemNotEnoughPermissions() {
        JsonNode item = api.randomItem();

        Reply reply = api.delete("/items/" + item.path("id").asText(), api.normalUserToken());

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.detail()).isEqualTo("Not enough permissions");
        assertThat(api.number("SELECT COUNT(*) AS n FROM item WHERE id = '" + item.path("id").asText() + "'"))
                .isEqualTo(1);
    }

    @Test
    void aUserSeesOnlyTheirOwnItemsNewestFirstWithTheirCount() {
        TestApi.Account owner = api.randomUser();
        String token = api.login(owner.user().email(), owner.password());
        String first = api.post("/items/", token, Map.of("title", "first")).json().path("id").asText();
        String second = api.post("/items/", token, Map.of("title", "second")).json().path("id").asText();
        api.randomItem();

        JsonNode page = api.get("/items/", token).json();
        assertThat(page.path("count").asLong()).isEqualTo(2);
        assertThat(page.path("data").findValuesAsText("id")).containsExactly(second, first);
        assertThat(page.path("data").findValuesAsText("owner_id")).containsOnly(owner.id().toString());

        JsonNode paged = api.get("/items/?skip=1&limit=1", token).json();
        assertThat(paged.path("count").asLong()).isEqualTo(2);
        assertThat(paged.path("data").findValuesAsText("id")).containsExactly(first);

        JsonNode pastTheEnd = api.get("/items/?skip=5&limit=10", token).json();
        assertThat(pastTheEnd.path("data")).isEmpty();
        assertThat(pastTheEnd.path("count").asLong()).as("the total, even on an empty page").isEqualTo(2);
    }

    @Test
    void aUserWithoutItemsGetsAnEmptyPageCountingZero() {
        TestApi.Account owner = api.randomUser();

        JsonNode page = api.get("/items/", api.login(owner.user().email(), owner.password())).json();

        assertThat(page.path("data")).isEmpty();
        assertThat(page.path("count").asLong()).isZero();
    }

    @Test
    void superuserSeesEveryOwnersItems() {
        JsonNode item = api.randomItem();

        JsonNode page = api.get("/items/?skip=0&limit=100", api.superuserToken()).json();

        assertThat(page.path("data").findValuesAsText("id")).contains(item.path("id").asText());
        assertThat(page.path("count").asLong()).isEqualTo(api.number("SELECT COUNT(*) AS n FROM item"));
    }

    @Test
    void putIsPartialAndNullClearsTheDescription() {
        JsonNode item = api.randomItem();
        String path = "/items/" + item.path("id").asText();
        String token = api.superuserToken();

        Reply titleOnly = api.json(Method.PUT, path, token, Map.of("title", "new title"));
        assertThat(titleOnly.json().path("description").asText()).isEqualTo(item.path("description").asText());

        Reply cleared = api.json(Method.PUT, path, token, "{\"description\": null}");
        assertThat(cleared.status()).isEqualTo(200);
        assertThat(cleared.json().path("description").isNull()).isTrue();
        assertThat(cleared.json().path("title").asText()).isEqualTo("new title");
        assertThat(api.get(path, token).json().path("description").isNull()).isTrue();

        Reply nullTitle = api.json(Method.PUT, path, token, "{\"title\": null}");
        assertThat(nullTitle.status()).isEqualTo(422);
        assertThat(nullTitle.firstIssue().path("type").asText()).isEqualTo("string_type");
    }

    @Test
    void createRequiresATitleAndAUser() {
        assertThat(api.post("/items/", null, Map.of("title", "x")).status()).isEqualTo(401);
        Reply empty = api.post("/items/", api.superuserToken(), Map.of("title", ""));
        assertThat(empty.status()).isEqualTo(422);
        assertThat(empty.firstIssue().path("msg").asText()).isEqualTo("String should have at least 1 character");
    }

    @Test
    void deletingAUserDeletesTheirItems() {
        JsonNode item = api.randomItem();

        Reply reply = api.delete("/users/" + item.path("owner_id").asText(), api.superuserToken());

        assertThat(reply.status()).isEqualTo(200);
        assertThat(api.number("SELECT COUNT(*) AS n FROM item WHERE id = '" + item.path("id").asText() + "'")).isZero();
    }
}
