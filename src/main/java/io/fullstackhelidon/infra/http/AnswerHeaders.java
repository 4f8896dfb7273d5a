package io.fullstackhelidon.infra.http;

import java.util.function.BooleanSupplier;

import io.fullstackhelidon.contract.RequestScopedHeaders;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The headers every answer carries (errors included), set in one pass. Protective ones: no MIME sniffing, no
 * referrer, no framing; a
 * Content-Security-Policy for the Swagger UI pages; {@code Strict-Transport-Security} on TLS (or when configured for
 * a TLS-terminating proxy); and {@code Cache-Control: no-store} on answers to authenticated requests, so that no
 * shared cache keeps a user's data. And while the service drains before stopping, {@code Connection: close}, so
 * that clients open their next request elsewhere instead of sending it on a kept-alive connection the listener is
 * about to drop.
 */
public final class AnswerHeaders implements Filter {

    private static final Header NO_SNIFF = HeaderValues.createCached("X-Content-Type-Options", "nosniff");
    private static final Header NO_REFERRER = HeaderValues.createCached("Referrer-Policy", "no-referrer");
    private static final Header NO_FRAMES = HeaderValues.createCached("X-Frame-Options", "DENY");
    private static final Header DOCS_POLICY = HeaderValues.createCached(
            "Content-Security-Policy",
            "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'");
    private static final Header HSTS = HeaderValues.createCached("Strict-Transport-Security",
                                                                 "max-age=31536000; includeSubDomains");
    private static final Header NO_STORE = HeaderValues.createCached(HeaderNames.CACHE_CONTROL, "no-store");

    private final boolean alwaysHsts;
    private final ClientAddress clients;
    private final BooleanSupplier takingTraffic;

    /**
     * HSTS on every answer when {@code alwaysHsts}, else on TLS as {@code clients} tell it; {@code takingTraffic}
     * turns false when the service starts draining.
     */
    public AnswerHeaders(boolean alwaysHsts, ClientAddress clients, BooleanSupplier takingTraffic) {
        this.alwaysHsts = alwaysHsts;
        this.clients = clients;
        this.takingTraffic = takingTraffic;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        RequestScopedHeaders.set(request, response, NO_SNIFF);
        RequestScopedHeaders.set(request, response, NO_REFERRER);
        RequestScopedHeaders.set(request, response, NO_FRAMES);
        if (request.prologue().uriPath().path().startsWith("/docs")) {
            RequestScopedHeaders.set(request, response, DOCS_POLICY);
        }
        if (alwaysHsts || request.isSecure() || clients.forwardedHttps(request)) {
            RequestScopedHeaders.set(request, response, HSTS);
        }
        if (request.headers().contains(HeaderNames.AUTHORIZATION)) {
            RequestScopedHeaders.set(request, response, NO_STORE);
        }
        if (!takingTraffic.getAsBoolean()) {
            RequestScopedHeaders.set(request, response, HeaderValues.CONNECTION_CLOSE);
        }
        chain.proceed();
    }
}
