package io.fullstackhelidon.features.frontend;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.fullstackhelidon.support.TestServer;

import io.helidon.http.HeaderNames;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webclient.http1.Http1ClientResponse;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A build with a {@code 404.html}: every missing path gets that page with 404, navigation or not. */
@ServerTest
class NotFoundPageTest {

    private static Path build;

    private final Http1Client client;

    NotFoundPageTest(Http1Client client) {
        this.client = client;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        build = FrontendBuilds.copy("with-404");
        TestServer.configure(server, Map.of("frontend.dir", build.toString()));
    }

    @Test
    void aMissingPathGetsTheBuildsNotFoundPage() throws Exception {
        for (String accept : new String[] {"text/html", "application/json"}) {
            try (Http1ClientResponse response = client.get("/items/42").header(HeaderNames.ACCEPT, accept).request()) {
                assertThat(response.status().code()).as(accept).isEqualTo(404);
                assertThat(response.headers().first(HeaderNames.CONTENT_TYPE)).hasValue("text/html; charset=utf-8");
                assertThat(response.as(String.class)).isEqualTo(Files.readString(build.resolve("404.html")));
            }
        }
        try (Http1ClientResponse index = client.get("/").request()) {
            assertThat(index.status().code()).isEqualTo(200);
            assertThat(index.as(String.class)).isEqualTo(Files.readString(build.resolve("index.html")));
        }
    }
}
