package io.fullstackhelidon;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;

import io.fullstackhelidon.config.AppConfig;
import io.fullstackhelidon.config.ConfigurationException;
import io.fullstackhelidon.config.Settings;

import io.helidon.config.Config;
import io.helidon.logging.common.LogConfig;
import io.helidon.webserver.WebServer;

/** Starts the service: configuration from the working directory and the environment, then the web server. */
public final class Main {

    private static final System.Logger LOGGER = System.getLogger(Main.class.getName());

    private Main() {
    }

    public static void main(String[] args) {
        LogConfig.configureRuntime();
        Config config = AppConfig.load(Path.of("").toAbsolutePath(), System.getenv());
        App app;
        try {
            app = App.create(Settings.from(config), Clock.systemUTC());
        } catch (ConfigurationException e) {
            LOGGER.log(Level.ERROR, "Cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        WebServer server = WebServer.builder()
                .config(config.get("server"))
                .update(app::configure)
                .build()
                .start();
        LOGGER.log(Level.INFO, app.settings().projectName() + " serves " + app.settings().apiPrefix() + " on port "
                               + server.port() + ", database " + app.database().settings().jdbcUrl());
    }
}
