package io.fullstackhelidon;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.fullstackhelidon.observability.ClientDisconnects;
import io.fullstackhelidon.observability.DatabaseReadiness;
import io.fullstackhelidon.observability.ErrorTracking;
import io.fullstackhelidon.observability.RedisReadiness;
import io.fullstackhelidon.observability.TrafficGate;
import io.fullstackhelidon.ratelimit.RedisRateLimiter;
import io.fullstackhelidon.security.SecurityContextOnDemand;
import io.fullstackhelidon.web.JsonDirectHandler;

import io.helidon.webserver.WebServer;
import io.helidon.webserver.WebServerConfig;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.observe.ObserveFeature;
import io.helidon.webserver.observe.ObserveFeatureConfig;
import io.helidon.webserver.observe.health.HealthObserver;
import io.helidon.webserver.observe.health.HealthObserverConfig;
import io.helidon.webserver.observe.metrics.MetricsObserver;
import io.helidon.webserver.security.SecurityFeature;
import io.helidon.webserver.security.SecurityFeatureConfig;

/**
 * The web server around an {@link App}: its routing, {@code /health} (liveness, and readiness with the app's
 * dependencies and a gate that closes first on shutdown) and {@code /metrics} (Prometheus), optionally on a
 * management port of their own, JSON answers for requests rejected before routing, and the graceful shutdown.
 */
public final class Lifecycle {

    private static final System.Logger LOGGER = System.getLogger(Lifecycle.class.getName());
    private static final String MANAGEMENT_SOCKET = "management";
    /** The key of HTTP/1.1 under {@code server.protocols}, and the name Helidon gives the protocol built from it. */
    private static final String HTTP1_CONFIG_NAME = "http_1_1";
    /** The key of Helidon's webserver security feature under {@code server.features}. */
    private static final String SECURITY_FEATURE = "security";

    private final App app;
    private final TrafficGate trafficGate = new TrafficGate();

    public Lifecycle(App app) {
        this.app = app;
    }

    /** Serves the application on {@code server}. */
    public void configure(WebServerConfig.Builder server) {
        HealthObserverConfig.Builder health = HealthObserver.builder()
                .endpoint("/health")
                .details(true)
                .addCheck(trafficGate)
                .addCheck(new DatabaseReadiness(app.database().client(), app.database().availability(),
                                                app.settings().operations().readinessTimeout()));
        if (app.rateLimiter() instanceof RedisRateLimiter shared) {
            health.addCheck(new RedisReadiness(shared, app.userCache()::store));
        }
        ObserveFeatureConfig.Builder observe = ObserveFeature.builder()
                .addObserver(health.build())
                .addObserver(MetricsObserver.builder().endpoint("/metrics").build());
        app.settings().http().managementPort().ifPresent(port -> {
            server.putSocket(MANAGEMENT_SOCKET, socket -> socket.port(port).host(server.host()));
            observe.sockets(List.of(MANAGEMENT_SOCKET));
        });
        http1WithHeadDeadline(server);
        ClientDisconnects.quiet();
        Optional<SecurityContextOnDemand> securityContexts = securityFeature(server);
        server.routing(routing -> {
                    securityContexts.ifPresent(routing::addFeature);
                    routing.addFeature(new ApiRouting(app, trafficGate));
                })
                .addFeature(observe.build())
                .directHandlers(JsonDirectHandler.all());
    }

    /**
     * Helidon's webserver security feature as {@code server.features.security} configures it, added here (so that
     * configuration does not add a second one) to learn its {@code Security}: requests get their security context on
     * demand from that.
     */
    private static Optional<SecurityContextOnDemand> securityFeature(WebServerConfig.Builder server) {
        Optional<io.helidon.common.config.Config> configured = server.config()
                .map(config -> config.get("features." + SECURITY_FEATURE))
                .filter(io.helidon.common.config.Config::exists)
                // Helidon's own discovery skips a feature whose configuration says enabled: false
                .filter(config -> config.get("enabled").asBoolean().orElse(true));
        return configured.map(config -> {
            SecurityFeatureConfig feature = SecurityFeatureConfig.create(config);
            server.addFeature(SecurityFeature.create(feature));
            return new SecurityContextOnDemand(feature.security(), feature.defaults(), feature.weight());
        });
    }

    /**
     * HTTP/1.1 as {@code server.protocols.http_1_1} configures it, reporting to the head deadline. Helidon would
     * build the protocol from that configuration itself, after this update and without the listener; built here
     * under the configuration's own name, it takes that one's place.
     */
    private void http1WithHeadDeadline(WebServerConfig.Builder server) {
        Http1Config configured = server.config().map(config -> config.get("protocols." + HTTP1_CONFIG_NAME))
                .filter(io.helidon.common.config.Config::exists)
                .map(Http1Config::create)
                .orElseGet(Http1Config::create);
        server.protocols(List.of(Http1Config.builder().from(configured).name(HTTP1_CONFIG_NAME)
                                           // one listener, which wraps the configured ones (the protocol
                                           // logging included, so it is not added a second time)
                                           .receiveLog(false)
                                           .receiveListeners(List.of(app.requestHeadDeadline().receiving(
                                                   configured.compositeReceiveListener())))
                                           .build()));
    }

    /**
     * Readiness turns 503 first and stays so for {@code drain} (load balancers take the instance out), then the server
     * stops accepting connections and lets requests in flight finish within its shutdown grace period; stopping it
     * closes the application's pools.
     */
    public void shutDown(WebServer server, ErrorTracking errorTracking, Duration drain) {
        LOGGER.log(Level.INFO, "Shutting down: readiness now answers 503, draining for " + drain.toMillis() + " ms");
        trafficGate.close();
        try {
            Thread.sleep(drain);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        server.stop();
        LOGGER.log(Level.INFO, "Stopped: requests finished, pools closed");
        errorTracking.close();
    }
}
