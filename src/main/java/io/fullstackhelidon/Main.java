package io.fullstackhelidon;

import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;

import io.fullstackhelidon.infra.config.AppConfig;
import io.fullstackhelidon.infra.config.ConfigurationException;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.observability.ErrorTracking;
import io.fullstackhelidon.infra.observability.Logging;
import io.fullstackhelidon.workarounds.StaleClassDataArchive;

import io.helidon.common.config.GlobalConfig;
import io.helidon.config.Config;
import io.helidon.webserver.WebServer;

/**
 * Starts the service: configuration from the working directory and the environment, logging and error tracking, then
 * the application and its web server, which listens (readiness 503) while the database opens; once the application is
 * ready readiness turns 200, and if it cannot be the process ends with status 1. On SIGTERM it shuts down gracefully
 * (readiness 503, drain, finish requests, close pools). With {@code migrate} or {@code create-superuser} as argument it
 * runs that {@link AdminCommand} instead and exits.
 */
public final class Main {

    private static final System.Logger LOGGER = System.getLogger(Main.class.getName());
    private static final String CARRIERS = "jdk.virtualThreadScheduler.parallelism";

    private Main() {
    }

    public static void main(String[] args) {
        twiceAsManyCarriersAsCores();
        Logging.bridgeJavaUtilLogging();
        String command = args.length == 0 ? "serve" : args[0];
        Optional<AdminCommand> admin = AdminCommand.named(command);
        if (args.length > 1 || (admin.isEmpty() && !command.equals("serve"))) {
            System.err.print(AdminCommand.usage());
            System.exit(2);
            return;
        }
        Config config = AppConfig.load(Path.of("").toAbsolutePath(), System.getenv());
        // Helidon's own components that read the global configuration see ours, not a default one of their own.
        GlobalConfig.config(() -> config, true);
        if (admin.isPresent()) {
            System.exit(runAdmin(admin.get(), config));
            return;
        }
        Settings settings;
        App app;
        ErrorTracking errorTracking;
        try {
            settings = Settings.from(config);
            Logging.useFormat(settings.operations().logFormat());
            errorTracking = ErrorTracking.start(settings.operations().sentryDsn(), settings.development(),
                                                settings.development() ? "development" : "production", release());
            app = App.start(settings, Clock.systemUTC());
        } catch (ConfigurationException e) {
            LOGGER.log(Level.ERROR, "Cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Lifecycle lifecycle = new Lifecycle(app);
        WebServer server;
        try {
            server = WebServer.builder()
                    .config(config.get("server"))
                    .shutdownHook(false)
                    .update(lifecycle::configure)
                    .build()
                    .start();
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "Cannot start the web server", e);
            app.close();
            System.exit(1);
            return;
        }
        if (!server.isRunning()) {
            // Helidon logs why (a port in use, say) and returns a stopped server instead of throwing
            LOGGER.log(Level.ERROR, "Cannot start the web server: its listener did not start");
            app.close();
            System.exit(1);
            return;
        }
        // from here a stop is graceful, also one that comes while the database still opens
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("graceful-shutdown").unstarted(
                () -> lifecycle.shutDown(server, errorTracking, settings.operations().shutdownDrain())));
        exitCleanlyOnSigterm();
        try {
            app.awaitReady();
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, "Cannot start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Thread.ofVirtual().name("class-data-archive-check").start(StaleClassDataArchive::removeIfOutdated);
        LOGGER.log(Level.INFO, settings.projectName() + " serves " + settings.apiPrefix() + " on port "
                               + server.port() + ", database " + settings.database().jdbcUrl()
                               + (errorTracking.enabled() ? ", errors reported to Sentry" : ""));
    }

    /**
     * SIGTERM is how supervisors ask for a stop, not a failure: after the graceful shutdown (the hooks run as on any
     * exit) the process exits 0, where the JVM's own handling would report 143, which supervisors read as a crash.
     * Where the platform has no such signal, the JVM's handling stays.
     */
    private static void exitCleanlyOnSigterm() {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("TERM"), signal -> System.exit(0));
        } catch (IllegalArgumentException noSuchSignal) {
            LOGGER.log(Level.DEBUG, "No SIGTERM here: the JVM's exit status stays");
        }
    }

    /**
     * Virtual threads run on twice as many carrier threads as the machine has cores, unless
     * {@value #CARRIERS} says otherwise: with one carrier per core, a carrier that the operating system preempts (for
     * the collector, the compiler, the database on the same host) holds the requests queued on it, and the 100-row
     * list on two cores under 64 clients had a p99 of 1.0-1.3 s; with two per core 0.2-0.3 s, at the same throughput
     * (docs/benchmarks.md, issue 22). Set before the first virtual thread, when the JDK reads it.
     */
    private static void twiceAsManyCarriersAsCores() {
        if (System.getProperty(CARRIERS) == null) {
            System.setProperty(CARRIERS, Integer.toString(2 * Runtime.getRuntime().availableProcessors()));
        }
    }

    /** Runs an admin command: 0 when it succeeded, 1 (with the reason logged) when not. */
    static int runAdmin(AdminCommand command, Config config) {
        try {
            Settings settings = Settings.from(config);
            Logging.useFormat(settings.operations().logFormat());
            command.run(settings);
            return 0;
        } catch (RuntimeException e) {
            LOGGER.log(Level.ERROR, command + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String release() {
        return "full-stack-helidon@" + Optional.ofNullable(Main.class.getPackage().getImplementationVersion())
                .orElse("dev");
    }
}
