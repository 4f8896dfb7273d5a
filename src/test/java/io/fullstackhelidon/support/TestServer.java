package io.fullstackhelidon.support;

import java.time.Clock;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.Lifecycle;
import io.fullstackhelidon.infra.config.Settings;

import io.helidon.common.context.Context;
import io.helidon.config.Config;
import io.helidon.webserver.WebServerConfig;

/**
 * Sets up the server of an {@code @ServerTest} class like production: the {@code server} settings of the
 * configuration (limits, timeouts) on a random local port, and the real {@link App} on a fresh database, registered
 * in the server context so that test constructors can take it as a parameter. Stopping the server closes the app.
 */
public final class TestServer {

    private TestServer() {
    }

    public static App configure(WebServerConfig.Builder server) {
        return configure(server, Map.of());
    }

    /** Like {@link #configure(WebServerConfig.Builder)}, with configuration keys overridden. */
    public static App configure(WebServerConfig.Builder server, Map<String, String> overrides) {
        Config config = TestSettings.freshConfig(overrides);
        App app = App.create(Settings.from(config), Clock.systemUTC());
        Context context = Context.builder().id("test-server").build();
        context.register(app);
        server.config(config.get("server"))
                .host("localhost")
                .port(0)
                .shutdownHook(false)
                .serverContext(context);
        new Lifecycle(app).configure(server);
        return app;
    }
}
