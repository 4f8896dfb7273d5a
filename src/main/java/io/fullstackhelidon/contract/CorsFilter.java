package io.fullstackhelidon.contract;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.helidon.http.Header;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * CORS for trusted origins only, with the exact semantics of the Starlette middleware the template configures
 * (listed origins, credentials, all methods and headers): preflights are answered here on every path, 200 {@code OK}
 * or 400 {@code Disallowed CORS origin}; other requests from an allowed origin get it echoed back. Helidon's own CORS
 * feature answers differently (403, other texts), which the template's clients would not expect.
 */
public final class CorsFilter implements Filter {

    private static final List<String> ALL_METHODS = List.of("DELETE", "GET", "HEAD", "OPTIONS", "PATCH", "POST", "PUT");
    private static final String MAX_AGE_SECONDS = "600";
    private static final Header PLAIN_TEXT = HeaderValues.createCached(HeaderNames.CONTENT_TYPE,
                                                                       "text/plain; charset=utf-8");

    private final Set<String> allowedOrigins;

    public CorsFilter(List<String> allowedOrigins) {
        this.allowedOrigins = Set.copyOf(allowedOrigins);
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        Optional<String> origin = request.headers().first(HeaderNames.ORIGIN);
        if (origin.isEmpty()) {
            chain.proceed();
            return;
        }
        Optional<String> requestedMethod = request.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_METHOD);
        if (request.prologue().method() == Method.OPTIONS && requestedMethod.isPresent()) {
            preflight(request, response, origin.get(), requestedMethod.get());
            return;
        }
        RequestScopedHeaders.set(request, response, HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true"));
        if (allowedOrigins.contains(origin.get())) {
            RequestScopedHeaders.set(request, response, HeaderValues.create(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN,
                                                                     origin.get()));
            RequestScopedHeaders.set(request, response, HeaderValues.create(HeaderNames.VARY, "Origin"));
        }
        chain.proceed();
    }

    private void preflight(RoutingRequest request, RoutingResponse response, String origin, String requestedMethod) {
        List<String> failures = new ArrayList<>();
        response.header(HeaderNames.VARY, "Origin")
                .header(HeaderNames.ACCESS_CONTROL_ALLOW_METHODS, String.join(", ", ALL_METHODS))
                .header(HeaderNames.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS);
        request.headers().first(HeaderNames.ACCESS_CONTROL_REQUEST_HEADERS)
                .ifPresent(headers -> response.header(HeaderNames.ACCESS_CONTROL_ALLOW_HEADERS, headers));
        response.header(HeaderNames.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        if (allowedOrigins.contains(origin)) {
            response.header(HeaderNames.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
        } else {
            failures.add("origin");
        }
        if (!ALL_METHODS.contains(requestedMethod)) {
            failures.add("method");
        }
        response.header(PLAIN_TEXT);
        if (failures.isEmpty()) {
            response.status(Status.OK_200).send("OK");
        } else {
            response.status(Status.BAD_REQUEST_400).send("Disallowed CORS " + String.join(", ", failures));
        }
    }
}
