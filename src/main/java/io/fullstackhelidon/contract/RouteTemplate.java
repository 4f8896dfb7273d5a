package io.fullstackhelidon.contract;

import io.fullstackhelidon.workarounds.ClientDisconnects;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * The route template ({@code /api/v1/users/{user_id}}) that served a request, recorded for metrics labels and logs,
 * which must not carry raw paths (unbounded, and they may hold e-mail addresses).
 *
 * @param template the template
 */
public record RouteTemplate(String template) {

    /**
     * Wraps {@code handler} so that it records {@code template} before handling (and a client that goes away while
     * its answer is written is no server error).
     */
    public static Handler recording(String template, Handler handler) {
        RouteTemplate route = new RouteTemplate(template);
        Handler closingWhenGone = ClientDisconnects.closingWhenGone(handler);
        return (ServerRequest request, ServerResponse response) -> {
            request.context().register(RouteTemplate.class, route);
            org.slf4j.MDC.put("route", template);
            closingWhenGone.handle(request, response);
        };
    }
}
