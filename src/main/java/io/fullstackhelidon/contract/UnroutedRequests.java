package io.fullstackhelidon.contract;

import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * What answers a request outside the API that no route took (the built frontend), before the router's own 404.
 */
@FunctionalInterface
public interface UnroutedRequests {

    /** Nothing: the router answers. */
    UnroutedRequests NONE = (request, response) -> false;

    /** Answers the request and returns {@code true}, or leaves it to the router and returns {@code false}. */
    boolean answer(ServerRequest request, ServerResponse response);
}
