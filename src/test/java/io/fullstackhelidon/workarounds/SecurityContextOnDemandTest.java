package io.fullstackhelidon.workarounds;

import java.util.List;

import io.helidon.http.HeaderNames;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.Security;
import io.helidon.security.SecurityContext;
import io.helidon.security.SecurityEnvironment;
import io.helidon.security.spi.AuthenticationProvider;
import io.helidon.webclient.http1.Http1Client;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.security.SecurityFeature;
import io.helidon.webserver.security.SecurityHandler;
import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpRoute;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security context each request gets: the one Helidon's webserver security filter would build (environment,
 * default handler), built only for the requests that use it.
 */
@ServerTest
class SecurityContextOnDemandTest {

    /** Authenticates whoever sends an {@code X-User} header, as that user. */
    private static final AuthenticationProvider BY_HEADER = request -> request.env().headers()
            .getOrDefault("x-user", List.of()).stream().findFirst()
            .map(user -> AuthenticationResponse.success(Principal.create(user)))
            .orElseGet(AuthenticationResponse::abstain);

    private final Http1Client client;

    SecurityContextOnDemandTest(Http1Client client) {
        this.client = client;
    }

    /** A server of its own Security alone: not the service's configuration, whose provider needs its settings. */
    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        server.config(Config.empty());
    }

    @SetUpRoute
    static void routing(HttpRouting.Builder routing) {
        Security security = Security.builder().addAuthenticationProvider(BY_HEADER).build();
        routing.addFeature(new SecurityContextOnDemand(security, SecurityFeature.authenticate(), 800))
                .get("/untouched", (request, response) -> response.send("fine"))
                .get("/probe", (request, response) -> {
                    SecurityContext context = request.context().get(SecurityContext.class).orElseThrow();
                    SecurityEnvironment environment = context.env();
                    AuthenticationResponse authentication = context.atnClientBuilder().buildAndGet();
                    response.send(String.join(" ",
                            context.id(),
                            environment.method(),
                            environment.path().orElse("-"),
                            environment.targetUri().getQuery(),
                            environment.transport(),
                            String.valueOf(environment.abacAttribute("userIp").orElse("-")),
                            authentication.status().name(),
                            context.userName(),
                            String.valueOf(request.context().get(SecurityHandler.class).isPresent())));
                });
    }

    @Test
    void aRequestThatAsksGetsTheEnvironmentHelidonsFilterWouldGiveAndItsProvidersSeeTheHeaders() {
        String answer = client.get("/probe").queryParam("q", "1").header(HeaderNames.create("X-User"), "ada")
                .requestEntity(String.class);

        String[] parts = answer.split(" ");
        assertThat(parts).containsSubsequence("GET", "/probe", "q=1", "http");
        assertThat(parts[5]).isIn("127.0.0.1", "0:0:0:0:0:0:0:1", "localhost");
        assertThat(parts).endsWith("SUCCESS", "ada", "true");
    }

    @Test
    void onlyTheRequestsThatUseTheirContextBuildOne() {
        long before = contextNumber(client.get("/probe").requestEntity(String.class));
        for (int i = 0; i < 3; i++) {
            assertThat(client.get("/untouched").requestEntity(String.class)).isEqualTo("fine");
        }
        long after = contextNumber(client.get("/probe").requestEntity(String.class));

        assertThat(after).isEqualTo(before + 1);
    }

    /** The number our feature gave the context (Helidon Security prefixes it with its own id). */
    private static long contextNumber(String probeAnswer) {
        String id = probeAnswer.split(" ")[0];
        return Long.parseLong(id.substring(id.lastIndexOf(':') + 1));
    }
}
