package io.fullstackhelidon.contract;

import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/** Starlette's redirects: 307 to an absolute URL on the request's own origin, the query kept. */
public final class Redirect {

    private Redirect() {
    }

    /** Answers 307 with {@code Location} set to {@code path} (raw) on this origin, with the request's query. */
    public static void temporary(ServerRequest request, ServerResponse response, String path) {
        String query = request.query().rawValue();
        response.status(Status.TEMPORARY_REDIRECT_307)
                .header(HeaderNames.LOCATION, origin(request) + path + (query.isEmpty() ? "" : "?" + query))
                .send();
    }

    private static String origin(ServerRequest request) {
        String scheme = request.isSecure() ? "https" : "http";
        String authority = request.authority();
        if (authority == null || authority.isBlank()) {
            authority = request.localPeer().host() + ":" + request.localPeer().port();
        }
        return scheme + "://" + authority;
    }
}
