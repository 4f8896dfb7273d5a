package io.fullstackhelidon.contract;

import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;
import io.fullstackhelidon.support.TestSettings;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** CORS with the Starlette middleware's answers: only the frontend host (and configured extras) are trusted. */
@ServerTest
class CorsTest {

    private static final String EXTRA_ORIGIN = "https://admin.example.com";
    private static final String STRANGER = "https://evil.example.com";

    private final TestApi api;

    CorsTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("app.cors-origins", EXTRA_ORIGIN));
    }

    @Test
    void preflightFromTheFrontendIsAllowed() {
        Reply reply = preflight("/users/me", TestSettings.FRONTEND_HOST, "PATCH", "authorization,content-type");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.text()).isEqualTo("OK");
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue(TestSettings.FRONTEND_HOST);
        assertThat(reply.header("Access-Control-Allow-Methods")).hasValue("DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT");
        assertThat(reply.header("Access-Control-Allow-Headers")).hasValue("authorization,content-type");
        assertThat(reply.header("Access-Control-Max-Age")).hasValue("600");
        assertThat(reply.header("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(reply.header("Vary")).hasValue("Origin");
    }

    @Test
    void preflightFromAConfiguredExtraOriginIsAllowed() {
        Reply reply = preflight("/items/", EXTRA_ORIGIN, "POST", null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue(EXTRA_ORIGIN);
    }

    @Test
    void preflightFromAnotherOriginIsRefused() {
        Reply reply = preflight("/users/me", STRANGER, "GET", "authorization");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).isEqualTo("Disallowed CORS origin");
        assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void preflightWithAnUnknownMethodIsRefused() {
        Reply reply = preflight("/users/me", STRANGER, "BREW", null);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.text()).isEqualTo("Disallowed CORS origin, method");
    }

    @Test
    void preflightWorksOnEveryPathEvenUnknownOnes() {
        assertThat(preflight("/no/such/route", TestSettings.FRONTEND_HOST, "GET", null).status()).isEqualTo(200);
    }

    @Test
    void requestsFromTheFrontendGetTheOriginEchoedEvenOnErrors() {
        Reply reply = api.call(Method.GET, "/users/me",
                               request -> request.header(HeaderNames.ORIGIN, TestSettings.FRONTEND_HOST), null);

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("Access-Control-Allow-Origin")).hasValue(TestSettings.FRONTEND_HOST);
        assertThat(reply.header("Access-Control-Allow-Credentials")).hasValue("true");
        assertThat(reply.header("Vary")).hasValue("Origin");
    }

    @Test
    void requestsFromOtherOriginsAreServedWithoutBeingAllowed() {
        Reply reply = api.call(Method.GET, "/utils/health-check/",
                               request -> request.header(HeaderNames.ORIGIN, STRANGER), null);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
        assertThat(reply.header("Access-Control-Allow-Credentials")).hasValue("true");
    }

    @Test
    void requestsWithoutOriginAreUntouched() {
        Reply reply = api.get("/utils/health-check/", null);

        assertThat(reply.header("Access-Control-Allow-Credentials")).isEmpty();
        assertThat(reply.header("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void optionsWithoutPreflightHeadersIsAnOrdinaryRequest() {
        Reply reply = api.call(Method.OPTIONS, "/users/me",
                               request -> request.header(HeaderNames.ORIGIN, TestSettings.FRONTEND_HOST), null);

        assertThat(reply.status()).isEqualTo(405);
    }

    private Reply preflight(String path, String origin, String method, String headers) {
        return api.call(Method.OPTIONS, path, request -> {
            request.header(HeaderNames.ORIGIN, origin);
            request.header(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD, method);
            if (headers != null) {
                request.header(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS, headers);
            }
        }, null);
    }
}
