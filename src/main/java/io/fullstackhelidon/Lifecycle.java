package io.fullstackhelidon;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.fullstackhelidon.contract.JsonDirectHandler;
import io.fullstackhelidon.infra.observability.DatabaseReadiness;
import io.fullstackhelidon.infra.observability.ErrorTracking;
import io.fullstackhelidon.infra.observability.RedisReadiness;
import io.fullstackhelidon.infra.observability.TrafficReadiness;
import io.fullstackhelidon.infra.ratelimit.RedisRateLimiter;
import io.fullstackhelidon.infra.security.BearerTokenProvider;
import io.fullstackhelidon.infra.security.BearerTokenProviderService;
import io.fullstackhelidon.workarounds.ClientDisconnects;
import io.fullstackhelidon.workarounds.SecurityContextOnDemand;
import io.fullstackhelidon.workarounds.StrictHttp1;

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
import io.helidon.webserver.spi.ProtocolConfig;

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
    /**
     * Stands in the protocol list for {@code server.protocols.http_1_1}, which {@link StrictHttp1} serves: Helidon
     * builds no protocol from configuration that an entry of the same type and name already stands for, and makes a
     * connection selector only of an {@link Http1Config}, which this is not. Without it a second selector, plain
     * HTTP/1.1, would be built, and with two selectors Helidon reads a connection's first bytes before it chooses.
     */
    private static final ProtocolConfig HTTP1_TAKEN = new ProtocolConfig() {
        @Override
        public String name() {
            return HTTP1_CONFIG_NAME;
        }

        @Override
        public String type() {
            return HTTP1_CONFIG_NAME;
        }
    };
    /** The key of Helidon's webserver security feature under {@code server.features}. */
    private static final String SECURITY_FEATURE = "security";

    private final App app;
    private final TrafficReadiness trafficReadiness = new TrafficReadiness();

    /** Readiness turns UP once {@code app} is ready (its database open, migrated, with its superuser). */
    public Lifecycle(App app) {
        this.app = app;
        app.ready().thenRun(trafficReadiness::serve);
    }

    /** Serves the application on {@code server}. */
    public void configure(WebServerConfig.Builder server) {
        HealthObserverConfig.Builder health = HealthObserver.builder()
                .endpoint("/health")
                .details(true)
                .addCheck(trafficReadiness)
                .addCheck(new DatabaseReadiness(app.database().client(), app.database().availability(),
                                                app.database()::isOpen,
                                                app.settings().operations().readinessTimeout()));
        if (app.rateLimiter() instanceof RedisRateLimiter shared) {
            health.addCheck(new RedisReadiness(shared, app.userCache()::store));
        }
        ObserveFeatureConfig.Builder observe = ObserveFeature.builder()
                .addObserver(health.build())
                .addObserver(MetricsObserver.builder().endpoint("/metrics").build());
        StrictHttp1 http1 = strictHttp1(server);
        server.protocols(List.of(HTTP1_TAKEN)).protocolsDiscoverServices(false).addConnectionSelector(http1);
        app.settings().http().managementPort().ifPresent(port -> {
            // the limits of the API's socket apply here too
            server.putSocket(MANAGEMENT_SOCKET, socket -> socket.port(port).host(server.host())
                    .update(management -> server.connectionOptions().ifPresent(management::connectionOptions))
                    .maxPayloadSize(server.maxPayloadSize())
                    .idleConnectionTimeout(server.idleConnectionTimeout())
                    .idleConnectionPeriod(server.idleConnectionPeriod())
                    .protocols(List.of(HTTP1_TAKEN)).protocolsDiscoverServices(false).addConnectionSelector(http1));
            observe.sockets(List.of(MANAGEMENT_SOCKET));
        });
        ClientDisconnects.quiet();
        Optional<SecurityContextOnDemand> securityContexts = securityFeature(server);
        server.routing(routing -> {
                    securityContexts.ifPresent(routing::addFeature);
                    routing.addFeature(new ApiRouting(app, trafficReadiness));
                })
                .addFeature(observe.build())
                .directHandlers(JsonDirectHandler.all());
    }

    /**
     * Helidon's webserver security feature as {@code server.features.security} configures it, added here (so that
     * configuration does not add a second one) to learn its {@code Security}: requests get their security context on
     * demand from that, and its bearer-token provider verifies with the application's access tokens.
     */
    private Optional<SecurityContextOnDemand> securityFeature(WebServerConfig.Builder server) {
        Optional<io.helidon.common.config.Config> configured = server.config()
                .map(config -> config.get("features." + SECURITY_FEATURE))
                .filter(io.helidon.common.config.Config::exists)
                // Helidon's own discovery skips a feature whose configuration says enabled: false
                .filter(config -> config.get("enabled").asBoolean().orElse(true));
        return configured.map(config -> {
            SecurityFeatureConfig feature = SecurityFeatureConfig.create(config);
            feature.security().resolveAtnProvider(BearerTokenProviderService.CONFIG_KEY)
                    .filter(BearerTokenProvider.class::isInstance)
                    .ifPresent(provider -> ((BearerTokenProvider) provider).verifyWith(app.accessTokens()));
            server.addFeature(SecurityFeature.create(feature));
            return new SecurityContextOnDemand(feature.security(), feature.defaults(), feature.weight());
        });
    }

    /**
     * HTTP/1.1 as {@code server.protocols.http_1_1} configures it, behind the strict framing checks and the head
     * deadline; it takes the place of the protocol Helidon would build from that configuration, on every socket.
     */
    private StrictHttp1 strictHttp1(WebServerConfig.Builder server) {
        Http1Config configured = server.config().map(config -> config.get("protocols." + HTTP1_CONFIG_NAME))
                .filter(io.helidon.common.config.Config::exists)
                .map(Http1Config::create)
                .orElseGet(Http1Config::create);
        return new StrictHttp1(configured, app.requestHeadDeadline());
    }

    /**
     * Readiness turns 503 first and stays so for {@code drain} (load balancers take the instance out), then the server
     * stops accepting connections and lets requests in flight finish within its shutdown grace period; stopping it
     * closes the application's pools.
     */
    public void shutDown(WebServer server, ErrorTracking errorTracking, Duration drain) {
        LOGGER.log(Level.INFO, "Shutting down: readiness now answers 503, draining for " + drain.toMillis() + " ms");
        trafficReadiness.stop();
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
