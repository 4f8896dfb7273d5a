package io.fullstackhelidon.features.items;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.AtOnce;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import com.fasterxml.jackson.databind.JsonNode;

import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The list's {@code count} read from the counts the database keeps (exact whoever writes the table, and however), and
 * keyset paging by {@code cursor}.
 */
@ServerTest
class ItemListTest {

    private final TestApi api;

    ItemListTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void countsFollowEveryWriterOfTheTableNotOnlyTheApi() {
        TestApi.Account alice = api.randomUser();
        TestApi.Account bob = api.randomUser();
        String aliceToken = api.login(alice.user().email(), alice.password());
        for (int i = 0; i < 5; i++) {
            assertThat(api.post("/items/", aliceToken, Map.of("title", "api " + i)).status()).isEqualTo(200);
        }
        // what the template's backend, a script or an operator may do to the table directly
        for (int i = 0; i < 7; i++) {
            sql("INSERT INTO item (id, title, owner_id) VALUES ('" + UUID.randomUUID() + "', 'direct', '" + alice.id()
                + "')");
        }
        // several rows of two owners in one statement, as the service's own batched creates are
        sql("INSERT INTO item (id, title, owner_id) VALUES ('" + UUID.randomUUID() + "', 'batch', '" + alice.id()
            + "'), ('" + UUID.randomUUID() + "', 'batch', '" + bob.id() + "'), ('" + UUID.randomUUID() + "', 'batch', '"
            + alice.id() + "')");
        sql("UPDATE item SET owner_id = '" + bob.id() + "' WHERE title = 'api 0'");
        sql("UPDATE item SET title = 'renamed' WHERE title = 'api 1'");
        sql("DELETE FROM item WHERE title = 'direct' AND owner_id = '" + alice.id() + "' AND id IN "
            + "(SELECT id FROM item WHERE title = 'direct' AND owner_id = '" + alice.id() + "' LIMIT 2)");

        assertThat(count(aliceToken)).isEqualTo(rows(alice.id())).isEqualTo(4 + 5 + 2);
        assertThat(count(api.login(bob.user().email(), bob.password()))).isEqualTo(rows(bob.id())).isEqualTo(1 + 1);
        assertThat(count(api.superuserToken())).isEqualTo(api.number("SELECT COUNT(*) AS n FROM item"));

        // the user's deletion takes their items by cascade, and their count with them
        assertThat(api.delete("/users/" + alice.id(), api.superuserToken()).status()).isEqualTo(200);
        assertThat(api.number("SELECT COALESCE(SUM(n), 0) AS n FROM full_stack_helidon.item_counts WHERE owner_id = '"
                            + alice.id() + "'")).isZero();
        assertThat(count(api.superuserToken())).isEqualTo(api.number("SELECT COUNT(*) AS n FROM item"));
    }

    @Test
    void countsStayExactUnderConcurrentCreatesAndDeletesOfOneOwner() throws Exception {
        TestApi.Account owner = api.randomUser();
        String token = api.login(owner.user().email(), owner.password());

        List<Integer> statuses = AtOnce.run(32, writer -> () -> {
            Reply created = api.post("/items/", token, Map.of("title", "racer " + writer));
            if (writer % 4 == 0) {
                return api.delete("/items/" + created.json().path("id").asText(), token).status();
            }
            return created.status();
        });

        assertThat(statuses).containsOnly(200);
        assertThat(count(token)).isEqualTo(rows(owner.id())).isEqualTo(24);
        assertThat(count(api.superuserToken())).isEqualTo(api.number("SELECT COUNT(*) AS n FROM item"));
    }

    @Test
    void aCursorWalksTheListInTheTemplatesOrderOncePerItem() {
        TestApi.Account owner = api.randomUser();
        String token = api.login(owner.user().email(), owner.password());
        for (int i = 0; i < 23; i++) {
            assertThat(api.post("/items/", token, Map.of("title", "walked " + i)).status()).isEqualTo(200);
        }
        // untimed rows (older than the template's created_at column) come first, as with skip
        for (int i = 0; i < 3; i++) {
            sql("INSERT INTO item (id, title, owner_id) VALUES ('" + UUID.randomUUID() + "', 'untimed', '"
                + owner.id() + "')");
        }
        List<String> bySkip = ids(api.get("/items/?limit=1000", token).json());

        List<String> byCursor = new ArrayList<>();
        String cursor = "";
        int pages = 0;
        while (cursor != null) {
            Reply page = api.get("/items/?limit=5&cursor=" + cursor, token);
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.json().path("count").asLong()).isEqualTo(26);
            byCursor.addAll(ids(page.json()));
            cursor = page.header(ItemsApi.NEXT_CURSOR).orElse(null);
            pages++;
            assertThat(pages).as("pages").isLessThanOrEqualTo(6);
        }

        assertThat(bySkip).hasSize(26);
        assertThat(byCursor).isEqualTo(bySkip);
        assertThat(pages).isEqualTo(6);
    }

    @Test
    void theTemplatesClientSeesNoCursorAndABadOneIsRefused() {
        String token = api.superuserToken();
        api.randomItem();

        Reply plain = api.get("/items/?limit=1", token);
        assertThat(plain.status()).isEqualTo(200);
        assertThat(plain.header(ItemsApi.NEXT_CURSOR)).isEmpty();

        Reply forged = api.get("/items/?cursor=not-a-cursor", token);
        assertThat(forged.status()).isEqualTo(422);
        assertThat(forged.firstIssue().path("loc").toString()).isEqualTo("[\"query\",\"cursor\"]");
        assertThat(forged.firstIssue().path("msg").asText()).isEqualTo("Value error, Invalid cursor");
    }

    @Test
    void skipCountsFromTheCursor() {
        TestApi.Account owner = api.randomUser();
        String token = api.login(owner.user().email(), owner.password());
        for (int i = 0; i < 6; i++) {
            api.post("/items/", token, Map.of("title", "skipped " + i));
        }
        List<String> all = ids(api.get("/items/", token).json());
        String afterTwo = api.get("/items/?limit=2&cursor=", token).header(ItemsApi.NEXT_CURSOR).orElseThrow();

        Reply page = api.get("/items/?skip=1&limit=2&cursor=" + afterTwo, token);

        assertThat(ids(page.json())).isEqualTo(all.subList(3, 5));
    }

    @Test
    void aCursorNamesAPositionNotAPermission() {
        TestApi.Account owner = api.randomUser();
        String ownerToken = api.login(owner.user().email(), owner.password());
        api.post("/items/", ownerToken, Map.of("title", "mine"));
        String othersCursor = api.get("/items/?limit=1&cursor=", api.superuserToken()).header(ItemsApi.NEXT_CURSOR)
                .orElseThrow();
        TestApi.Account stranger = api.randomUser();

        Reply page = api.get("/items/?cursor=" + othersCursor, api.login(stranger.user().email(), stranger.password()));

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.json().path("data")).isEmpty();
        assertThat(page.json().path("count").asLong()).isZero();
    }

    private long count(String token) {
        Reply page = api.get("/items/?limit=1", token);
        assertThat(page.status()).isEqualTo(200);
        return page.json().path("count").asLong();
    }

    private long rows(UUID owner) {
        return api.number("SELECT COUNT(*) AS n FROM item WHERE owner_id = '" + owner + "'");
    }

    private static List<String> ids(JsonNode page) {
        return page.path("data").findValuesAsText("id");
    }

    private void sql(String statement) {
        api.app().database().client().execute().dml(statement);
    }
}
