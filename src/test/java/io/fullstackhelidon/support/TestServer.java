package io.fullstackhelidon.support;

import java.time.Clock;
import java.util.Map;

import io.fullstackhelidon.App;
import io.fullstackhelidon.config.Settings;

import io.helidon.common.context.Context;
import io.helidon.webserver.WebServerConfig;

/**
 * Sets up the server of an {@code @ServerTest} class: the real {@link App} on a fresh database, registered in the
 * server context so that test constructors can take it as a parameter. Stopping the server closes the app's pool.
 */
public final class TestServer {

    private TestServer() {
    }

    public static App configure(WebServerConfig.Builder server) {
        return configure(server, Map.of());
    }

    /** Like {@link #configure(WebServerConfig.Builder)}, with configuration keys overridden. */
    public static App configure(WebServerConfig.Builder server, Map<String, String> overrides) {
        Settings settings = TestSettings.fresh(overrides);
        App app = App.create(settings, Clock.systemUTC());
        Context context = Context.builder().id("test-server").build();
        context.register(app);
        server.serverContext(context);
        app.configure(server);
        return app;
    }
}
