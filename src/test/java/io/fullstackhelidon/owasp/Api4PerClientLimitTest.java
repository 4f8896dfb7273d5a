package io.fullstackhelidon.owasp;

import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.support.Reply;
import io.fullstackhelidon.support.TestApi;
import io.fullstackhelidon.support.TestServer;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * OWASP API4:2023: one per-client limit covers every API request, and without trusted proxies a client cannot
 * escape it by inventing {@code X-Forwarded-For} addresses.
 */
@ServerTest
class Api4PerClientLimitTest {

    private final TestApi api;

    Api4PerClientLimitTest(Http1Client client, App app) {
        this.api = new TestApi(client, app);
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server, Map.of("ratelimit.all.requests", "40", "ratelimit.all.seconds", "3600"));
    }

    @Test
    void everyApiRequestCountsAgainstOneLimitWhateverXForwardedForSays() {
        int allowed = 0;
        Reply last = null;
        for (int i = 0; i < 60 && (last == null || last.status() != 429); i++) {
            String spoofed = "198.51.100." + (i % 250);
            last = api.call(Method.GET, "/utils/health-check/",
                            request -> request.header(HeaderNames.X_FORWARDED_FOR, spoofed), null);
            if (last.status() == 200) {
                allowed++;
            }
        }

        assertThat(last.status()).isEqualTo(429);
        assertThat(allowed).isEqualTo(40);
        assertThat(last.header("Retry-After")).isPresent();
    }
}
