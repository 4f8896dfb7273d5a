package io.fullstackhelidon;

import java.util.Map;

import io.fullstackhelidon.support.TestServer;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.testing.junit5.ServerTest;
import io.helidon.webserver.testing.junit5.SetUpServer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

@ServerTest
class LifecycleTest {

    private final WebServer server;

    LifecycleTest(WebServer server) {
        this.server = server;
    }

    @SetUpServer
    static void server(WebServerConfig.Builder server) {
        TestServer.configure(server);
    }

    @Test
    void theConfiguredSecurityFeatureIsAddedOnceWhereItsSecurityIsKnown() {
        assertThat(server.prototype().features()).filteredOn(feature -> feature.type().equals("security"))
                .hasSize(1);
    }

    @Test
    void aSecurityFeatureSwitchedOffInItsConfigurationStaysOff() {
        WebServerConfig.Builder builder = WebServer.builder();
        App app = TestServer.configure(builder, Map.of("server.features.security.enabled", "false"));
        try {
            assertThat(builder.buildPrototype().features()).noneMatch(feature -> feature.type().equals("security"));
        } finally {
            app.close();
        }
    }
}
