package io.fullstackhelidon.contract;

import java.util.ArrayList;
import java.util.List;

import io.helidon.http.Header;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Response headers that belong to the request rather than to one handler (CORS, later request ids): set by filters,
 * and set again on error responses, because Helidon clears the headers before an error handler runs.
 */
public final class RequestScopedHeaders {

    private final List<Header> headers = new ArrayList<>();

    private RequestScopedHeaders() {
    }

    /** Sets {@code header} on the response and keeps it for any error response of the same request. */
    public static void set(ServerRequest request, ServerResponse response, Header header) {
        RequestScopedHeaders sticky = request.context().get(RequestScopedHeaders.class).orElseGet(() -> {
            RequestScopedHeaders created = new RequestScopedHeaders();
            request.context().register(created);
            return created;
        });
        sticky.headers.add(header);
        response.header(header);
    }

    /** Puts the request's sticky headers back on a response that was reset. */
    static void reapply(ServerRequest request, ServerResponse response) {
        request.context().get(RequestScopedHeaders.class).ifPresent(sticky -> sticky.headers.forEach(response::header));
    }
}
