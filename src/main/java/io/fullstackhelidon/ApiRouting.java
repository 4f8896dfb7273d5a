package io.fullstackhelidon;

import java.util.List;

import io.fullstackhelidon.contract.CorsFilter;
import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.ErrorMapping;
import io.fullstackhelidon.contract.FeatureApi;
import io.fullstackhelidon.contract.Idempotency;
import io.fullstackhelidon.contract.Json;
import io.fullstackhelidon.contract.RouteCatalog;
import io.fullstackhelidon.contract.UnroutedRequests;
import io.fullstackhelidon.contract.docs.ApiDocs;
import io.fullstackhelidon.infra.config.Settings;
import io.fullstackhelidon.infra.db.DatabaseAvailability;
import io.fullstackhelidon.infra.http.AnswerHeaders;
import io.fullstackhelidon.infra.http.ClientAddress;
import io.fullstackhelidon.infra.http.LargeBodyLimit;
import io.fullstackhelidon.infra.observability.HttpMetrics;
import io.fullstackhelidon.infra.observability.OwnedMeters;
import io.fullstackhelidon.infra.observability.RequestObserver;
import io.fullstackhelidon.infra.observability.TrafficReadiness;
import io.fullstackhelidon.infra.ratelimit.RateLimitFilter;
import io.fullstackhelidon.infra.ratelimit.RateLimiter;
import io.fullstackhelidon.workarounds.ClientDisconnects;
import io.fullstackhelidon.workarounds.SlowBodyGuard;

import io.helidon.webserver.http.HttpFeature;
import io.helidon.webserver.http.HttpRouting;

/**
 * The API's routing, the way of every request: filters (request id and metrics, slow-body guard, answer headers,
 * CORS, rate limits, large bodies; Helidon Security's context, built on demand, is registered before them all), then
 * the features under the API prefix, the documentation, the router's own answers (405, 307, the built frontend, 404),
 * and the one error mapping.
 */
final class ApiRouting implements HttpFeature {

    private final Settings settings;
    private final List<Endpoint<?, ?>> endpoints;
    private final List<FeatureApi> features;
    private final RateLimiter rateLimiter;
    private final ClientAddress clients;
    private final Idempotency idempotency;
    private final OwnedMeters meters;
    private final UnroutedRequests frontend;
    private final Runnable afterStop;
    private final TrafficReadiness readiness;
    private final Json json = new Json();

    /**
     * The routing of {@code app}, answering {@code Connection: close} once {@code readiness} turns DOWN for the
     * shutdown; stopping the server closes the app.
     */
    ApiRouting(App app, TrafficReadiness readiness) {
        this.readiness = readiness;
        this.settings = app.settings();
        this.endpoints = app.endpoints();
        this.features = app.features();
        this.rateLimiter = app.rateLimiter();
        this.clients = app.clients();
        this.idempotency = app.idempotency();
        this.meters = app.meters();
        this.frontend = app.frontend();
        this.afterStop = app::close;
    }

    @Override
    public void setup(HttpRouting.Builder routing) {
        routing.addFilter(new RequestObserver(new HttpMetrics(meters)))
                .addFilter(new SlowBodyGuard(settings.http().bodyTimeout()))
                .addFilter(new AnswerHeaders(settings.http().hsts(), clients, () -> !readiness.isStopping()))
                .addFilter(new CorsFilter(settings.corsOrigins()));
        if (settings.rateLimits().enabled()) {
            routing.addFilter(new RateLimitFilter(rateLimiter, clients, settings.rateLimits(), settings.apiPrefix(),
                                                  json, meters.registry()));
        }
        routing.addFilter(new LargeBodyLimit(settings.http().largeBodies(), json));
        RouteCatalog catalog = new RouteCatalog(settings.apiPrefix(), features, frontend, json, idempotency);
        catalog.register(routing);
        new ApiDocs(new ApiDocs.Deployment(settings.projectName(), settings.apiPrefix(), settings.development()),
                    endpoints, json).register(routing, settings.apiPrefix());
        routing.any(ClientDisconnects.closingWhenGone(catalog));
        new ErrorMapping(json, DatabaseAvailability::refusalOf).register(routing);
    }

    /** The server stopped: the application closes (jobs, Redis, pool). */
    @Override
    public void afterStop() {
        afterStop.run();
    }
}
