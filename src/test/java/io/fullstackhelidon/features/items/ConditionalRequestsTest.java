package io.fullstackhelidon.features.items;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.AtOnce;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientRequest;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Conditional requests (RFC 9110 sections 8.8.3 and 13) on items and users: a strong {@code ETag} on reads and on the
 * answers of writes, 304 for an {@code If-None-Match} that still holds, 412 (and nothing changed) for a stale
 * {@code If-Match}, and of concurrent writers holding one tag exactly one wins. Without the headers, the template's
 * answers ({@code TemplateReplayTest}).
 */
@ServerTest
class ConditionalRequestsTest {

    private static final String STALE = "{\"detail\":\"The resource changed since it was read\"}";

    private final TestApi api;
    private final App app;

    ConditionalRequestsTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
        this.app = app;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void aReadCarriesAStrongTagAndAClientHoldingItGets304() {
        String token = api.normalUserToken();
        String id = createItem(token);

        Reply read = api.get("/items/" + id, token);
        String tag = read.header("ETag").orElseThrow();

        assertThat(tag).matches("\"[\\w-]{22}\"");
        assertThat(api.get("/items/" + id, token).header("ETag")).as("the same bytes, the same tag").hasValue(tag);
        Reply notModified = call(Method.GET, "/items/" + id, token, ifNoneMatch(tag), null);
        assertThat(notModified.status()).isEqualTo(304);
        assertThat(notModified.text()).isEmpty();
        assertThat(notModified.header("ETag")).hasValue(tag);
        assertThat(call(Method.GET, "/items/" + id, token, ifNoneMatch("\"other\", W/" + tag), null).status())
                .as("weak comparison, in a list").isEqualTo(304);
        assertThat(call(Method.GET, "/items/" + id, token, ifNoneMatch("\"other\""), null).status()).isEqualTo(200);
    }

    @Test
    void aWriteWithAStaleTagIsRefusedAndChangesNothing() {
        String token = api.normalUserToken();
        String id = createItem(token);
        String tag = api.get("/items/" + id, token).header("ETag").orElseThrow();
        assertThat(api.json(Method.PUT, "/items/" + id, token, Map.of("title", "changed elsewhere")).status())
                .isEqualTo(200);

        Reply stale = call(Method.PUT, "/items/" + id, token, ifMatch(tag), "{\"title\":\"mine\"}");
        Reply staleDelete = call(Method.DELETE, "/items/" + id, token, ifMatch(tag), null);

        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.text()).isEqualTo(STALE);
        assertThat(staleDelete.status()).isEqualTo(412);
        assertThat(api.get("/items/" + id, token).json().path("title").asText()).isEqualTo("changed elsewhere");
    }

    @Test
    void aWriteWithTheCurrentTagGoesThroughAndAnswersTheNewTag() {
        String token = api.normalUserToken();
        String id = createItem(token);
        String tag = api.get("/items/" + id, token).header("ETag").orElseThrow();

        Reply updated = call(Method.PUT, "/items/" + id, token, ifMatch(tag), "{\"title\":\"mine\"}");

        assertThat(updated.status()).isEqualTo(200);
        String newTag = updated.header("ETag").orElseThrow();
        assertThat(newTag).isNotEqualTo(tag);
        assertThat(api.get("/items/" + id, token).header("ETag")).hasValue(newTag);
        assertThat(call(Method.PUT, "/items/" + id, token, ifMatch("*"), "{\"title\":\"any\"}").status())
                .as("If-Match: * names any current version").isEqualTo(200);
        String lastTag = api.get("/items/" + id, token).header("ETag").orElseThrow();
        assertThat(call(Method.DELETE, "/items/" + id, token, ifMatch(lastTag), null).status()).isEqualTo(200);
        assertThat(api.get("/items/" + id, token).status()).isEqualTo(404);
    }

    @Test
    void ofConcurrentWritersHoldingOneTagExactlyOneWins() throws Exception {
        String token = api.normalUserToken();
        String id = createItem(token);
        String tag = api.get("/items/" + id, token).header("ETag").orElseThrow();
        int writers = 8;
        List<Reply> answers = AtOnce.run(writers, writer -> () -> call(
                Method.PUT, "/items/" + id, token, ifMatch(tag), "{\"title\":\"writer " + writer + "\"}"));

        List<Reply> won = answers.stream().filter(reply -> reply.status() == 200).toList();
        assertThat(won).hasSize(1);
        assertThat(answers).filteredOn(reply -> reply.status() != 200).hasSize(writers - 1)
                .allSatisfy(reply -> assertThat(reply.text()).isEqualTo(STALE));
        assertThat(api.get("/items/" + id, token).json().path("title").asText())
                .isEqualTo(won.getFirst().json().path("title").asText());
    }

    @Test
    void usersHaveTagsAndTheirWritesTheSamePreconditions() {
        TestApi.Account account = api.randomUser();
        String token = api.login(account.user().email(), account.password());
        String admin = api.superuserToken();
        String meTag = api.get("/users/me", token).header("ETag").orElseThrow();
        assertThat(api.get("/users/" + account.id(), admin).header("ETag")).as("the same representation")
                .hasValue(meTag);
        assertThat(call(Method.GET, "/users/me", token, ifNoneMatch(meTag), null).status()).isEqualTo(304);

        Reply renamed = call(Method.PATCH, "/users/me", token, ifMatch(meTag), "{\"full_name\":\"First\"}");
        assertThat(renamed.status()).isEqualTo(200);
        String renamedTag = renamed.header("ETag").orElseThrow();
        Reply staleSelf = call(Method.PATCH, "/users/me", token, ifMatch(meTag), "{\"full_name\":\"Second\"}");
        Reply staleAdmin = call(Method.PATCH, "/users/" + account.id(), admin, ifMatch(meTag),
                                "{\"full_name\":\"Third\"}");
        Reply staleDelete = call(Method.DELETE, "/users/" + account.id(), admin, ifMatch(meTag), null);
        Reply staleSelfDelete = call(Method.DELETE, "/users/me", token, ifMatch(meTag), null);

        assertThat(List.of(staleSelf, staleAdmin, staleDelete, staleSelfDelete))
                .allSatisfy(reply -> {
                    assertThat(reply.status()).isEqualTo(412);
                    assertThat(reply.text()).isEqualTo(STALE);
                });
        JsonNode user = api.get("/users/" + account.id(), admin).json();
        assertThat(user.path("full_name").asText()).isEqualTo("First");
        assertThat(call(Method.PATCH, "/users/" + account.id(), admin, ifMatch(renamedTag),
                        "{\"full_name\":\"By the admin\"}").status()).isEqualTo(200);
        String adminTag = api.get("/users/" + account.id(), admin).header("ETag").orElseThrow();
        assertThat(call(Method.DELETE, "/users/" + account.id(), admin, ifMatch(adminTag), null).status())
                .isEqualTo(200);
        assertThat(app.users().findById(account.id())).isEmpty();
    }

    private String createItem(String token) {
        return api.post("/items/", token, Map.of("title", "tagged", "description", "conditional")).json()
                .path("id").asText();
    }

    private Reply call(Method method, String path, String token, Consumer<Http1ClientRequest> header, String body) {
        return api.call(method, path, request -> {
            TestApi.bearer(token).accept(request);
            header.accept(request);
            if (body != null) {
                request.header(HeaderNames.CONTENT_TYPE, "application/json");
            }
        }, body);
    }

    private static Consumer<Http1ClientRequest> ifMatch(String tag) {
        return request -> request.header(HeaderNames.IF_MATCH, tag);
    }

    private static Consumer<Http1ClientRequest> ifNoneMatch(String tag) {
        return request -> request.header(HeaderNames.IF_NONE_MATCH, tag);
    }
}
