package io.fullstackhelidon.contract;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static io.fullstackhelidon.support.TestApi.bearer;
import static org.assertj.core.api.Assertions.assertThat;

/** Slash redirects, 405 with {@code Allow} and 404 as the template's Starlette router answers them, but for ADR 0004. */
@ServerTest
class RoutingConventionsTest {

    private final TestApi api;
    private final String origin;
    private final URI uri;

    RoutingConventionsTest(Http1Client client, App app, URI uri) {
        this.api = new TestApi(client, app);
        this.origin = "http://localhost:" + uri.getPort();
        this.uri = uri;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void missingTrailingSlashRedirectsTemporarilyToTheAbsoluteUrl() {
        Reply reply = api.get("/items", null);

        assertThat(reply.status()).isEqualTo(307);
        assertThat(reply.header("Location")).hasValue(origin + "/api/v1/items/");
        assertThat(reply.text()).isEmpty();
    }

    @Test
    void extraTrailingSlashRedirectsAndTheQueryIsKept() {
        Reply reply = api.get("/users/me/?a=1&b=two", null);

        assertThat(reply.status()).isEqualTo(307);
        assertThat(reply.header("Location")).hasValue(origin + "/api/v1/users/me?a=1&b=two");
    }

    @Test
    void redirectsHappenForAnyMethodOfTheOtherForm() {
        assertThat(api.get("/utils/health-check", null).header("Location"))
                .hasValue(origin + "/api/v1/utils/health-check/");
        assertThat(api.call(Method.POST, "/reset-password-nope", request -> { }, null).status()).isEqualTo(404);
        assertThat(api.call(Method.POST, "/users/signup/", request -> { }, "{}").status()).isEqualTo(307);
    }

    @Test
    void wrongMethodIs405ListingEveryMethodOfThePath() {
        Reply reply = api.call(Method.PUT, "/users/me", request -> { }, null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.text()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
        assertThat(reply.header("Allow")).hasValue("GET, PATCH, DELETE");
        assertThat(api.call(Method.PUT, "/users/" + java.util.UUID.randomUUID(), request -> { }, null)
                           .header("Allow")).hasValue("GET, PATCH, DELETE");
        assertThat(api.call(Method.DELETE, "/items/", request -> { }, null).header("Allow")).hasValue("GET, POST");
    }

    /** ADR 0004: {@code /users/signup} is a resource of its own, not a {@code /users/{user_id}}. */
    @Test
    void aFixedPathIsNotReachedThroughAParametrisedRoute() {
        for (Method method : List.of(Method.PATCH, Method.GET, Method.DELETE)) {
            Reply reply = api.call(method, "/users/signup", bearer(api.superuserToken()), "{}");

            assertThat(reply.status()).as(method.text()).isEqualTo(405);
            assertThat(reply.text()).isEqualTo("{\"detail\":\"Method Not Allowed\"}");
            assertThat(reply.header("Allow")).hasValue("POST");
        }
        assertThat(api.call(Method.PATCH, "/users/" + java.util.UUID.randomUUID(), request -> { }, "{}").status())
                .as("the parametrised route itself").isEqualTo(401);
    }

    @Test
    void methodNotAllowedComesBeforeAuthentication() {
        Reply reply = api.call(Method.POST, "/items/" + java.util.UUID.randomUUID(), request -> { }, null);

        assertThat(reply.status()).isEqualTo(405);
        assertThat(reply.header("Allow")).hasValue("GET, PUT, DELETE");
    }

    @Test
    void unknownPathsAreJson404s() {
        Reply api404 = api.get("/nothing-here", null);
        assertThat(api404.status()).isEqualTo(404);
        assertThat(api404.text()).isEqualTo("{\"detail\":\"Not Found\"}");
        assertThat(api404.header("Content-Type")).hasValue("application/json");

        Reply outside = api.call(Method.GET, "/../../index.html", request -> { }, null);
        assertThat(outside.status()).isEqualTo(404);
    }

    @Test
    void requestsRejectedBeforeRoutingGetAJsonDetailToo() throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write("GET /api/v1/users/%zz HTTP/1.1\r\nHost: localhost\r\n\r\n"
                                                   .getBytes(StandardCharsets.US_ASCII));
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

            assertThat(response).startsWith("HTTP/1.1 400 Bad Request")
                    .contains("Content-Type: application/json")
                    .endsWith("{\"detail\":\"Bad Request\"}");
        }
    }

    @Test
    void privateRouteExistsInDevelopment() {
        assertThat(api.post("/private/users/", null, "{}").status()).isEqualTo(422);
    }

    @Test
    void healthCheckIsJsonTrue() {
        Reply reply = api.get("/utils/health-check/", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("true");
        assertThat(reply.header("Content-Type")).hasValue("application/json");
    }
}
