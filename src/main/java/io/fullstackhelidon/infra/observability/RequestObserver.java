package io.fullstackhelidon.infra.observability;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.fullstackhelidon.contract.RequestScopedHeaders;
import io.fullstackhelidon.contract.RouteTemplate;
import io.fullstackhelidon.contract.ServicePages;
import io.fullstackhelidon.contract.RequestId;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * The outermost filter: gives every request an id ({@code X-Request-Id} when the client sent a well-formed one,
 * else a new one), puts it in the logging context for every line of the request and in the answer, then records
 * the request's metrics and writes one access-log line (method, route template, status, duration, user id).
 */
public final class RequestObserver implements Filter {

    public static final HeaderName REQUEST_ID = HeaderNames.create("X-Request-Id");

    private static final Logger ACCESS_LOG = LoggerFactory.getLogger("access");
    private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private final HttpMetrics metrics;

    public RequestObserver(HttpMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        String id = request.headers().first(REQUEST_ID)
                .filter(value -> WELL_FORMED.matcher(value).matches())
                .orElseGet(RequestObserver::newId);
        request.context().register(RequestId.class, new RequestId(id));
        MDC.put("request_id", id);
        RequestScopedHeaders.set(request, response, HeaderValues.create(REQUEST_ID, id));
        String method = request.prologue().method().text();
        long start = System.nanoTime();
        metrics.started();
        try {
            chain.proceed();
        } finally {
            long nanos = System.nanoTime() - start;
            String route = request.context().get(RouteTemplate.class, RouteTemplate.class)
                    .map(RouteTemplate::template)
                    .orElseGet(() -> unroutedLabel(request.prologue().uriPath().rawPath()));
            int status = response.status().code();
            metrics.finished(method, route, status, nanos);
            MDC.put("route", route);
            // request_id, route and user_id (when authenticated) come from the logging context
            double milliseconds = Math.round(nanos / 10_000.0) / 100.0;
            ACCESS_LOG.atInfo()
                    .addKeyValue("method", method)
                    .addKeyValue("status", status)
                    .addKeyValue("duration_ms", milliseconds)
                    .log("{} {} {} {} ms", method, route, status, milliseconds);
            MDC.clear();
        }
    }

    /**
     * A random (version 4) UUID from the thread's generator: a request id must be unique, not unpredictable, and
     * {@code UUID.randomUUID} draws on the shared {@code SecureRandom}, which cost 2 % of a request's CPU.
     */
    private static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }

    /** A bounded label for requests no API route took: the operational endpoints by name, anything else as one. */
    private static String unroutedLabel(String path) {
        return ServicePages.of(path).orElse(path.endsWith("/openapi.json") ? "/openapi.json" : "unmatched");
    }
}
