package io.fullstackhelidon.infra.http;

import java.util.function.BooleanSupplier;

import io.fullstackhelidon.contract.RequestScopedHeaders;

import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * While the service drains before stopping, every answer says {@code Connection: close}, so that clients open their
 * next request elsewhere instead of sending it on a kept-alive connection the listener is about to drop.
 */
public final class CloseWhileDraining implements Filter {

    private static final Header CLOSE = HeaderValues.CONNECTION_CLOSE;

    private final BooleanSupplier open;

    /** {@code open} tells whether the service still takes traffic. */
    public CloseWhileDraining(BooleanSupplier open) {
        this.open = open;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        if (!open.getAsBoolean()) {
            RequestScopedHeaders.set(request, response, CLOSE);
        }
        chain.proceed();
    }
}
