package io.fullstackhelidon.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.helidon.common.uri.UriPath;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.http.Status;
import io.fullstackhelidon.observability.RouteTemplate;

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Registers the API's route tables under the API prefix and so knows every API path; answers requests no route took
 * the way Starlette's router does: 405 with {@code Allow} when the path exists under another method, a 307 to the
 * other slash form when that one exists, otherwise 404.
 */
public final class RouteCatalog implements Handler {

    private record KnownRoute(Method method, PathMatcher matcher) {
    }

    private final List<KnownRoute> routes = new ArrayList<>();
    private final Json json;

    public RouteCatalog(Json json) {
        this.json = json;
    }

    /** Registers the endpoints of {@code service} under {@code prefix}, each recording its route template. */
    public void register(HttpRouting.Builder routing, String prefix, ApiService service) {
        for (Endpoint endpoint : service.endpoints()) {
            String template = prefix + endpoint.path();
            routing.route(endpoint.method(), template, RouteTemplate.recording(template, endpoint.handler()));
            routes.add(new KnownRoute(endpoint.method(), PathMatchers.create(template)));
        }
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String path = request.path().rawPath();
        Optional<KnownRoute> samePath = firstMatching(path);
        if (samePath.isPresent()) {
            response.header(HeaderNames.ALLOW, samePath.get().method().text());
            json.send(response, Status.METHOD_NOT_ALLOWED_405, new ErrorBody("Method Not Allowed"));
            return;
        }
        if (!path.equals("/")) {
            String otherForm = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
            if (firstMatching(otherForm).isPresent()) {
                String query = request.query().rawValue();
                response.status(Status.TEMPORARY_REDIRECT_307)
                        .header(HeaderNames.LOCATION, origin(request) + otherForm + (query.isEmpty() ? "" : "?" + query))
                        .send();
                return;
            }
        }
        json.send(response, Status.NOT_FOUND_404, new ErrorBody("Not Found"));
    }

    private Optional<KnownRoute> firstMatching(String rawPath) {
        UriPath path = UriPath.create(rawPath);
        return routes.stream().filter(route -> route.matcher().match(path).accepted()).findFirst();
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
