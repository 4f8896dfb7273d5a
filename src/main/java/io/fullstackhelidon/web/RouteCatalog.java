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

import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;

/**
 * Registers the API's endpoints under the API prefix and so knows every API path; answers requests no route took
 * the way Starlette's router does: 405 with {@code Allow} when the path exists under another method, a 307 to the
 * other slash form when that one exists, otherwise the {@link Fallback} (the built frontend) outside the API and the
 * service's own pages, and 404.
 */
public final class RouteCatalog implements Handler {

    private record KnownRoute(Method method, PathMatcher matcher) {
    }

    private final String prefix;
    private final List<Endpoint<?, ?>> endpoints;
    private final List<KnownRoute> routes = new ArrayList<>();
    private final Fallback fallback;
    private final Json json;

    public RouteCatalog(String prefix, List<Endpoint<?, ?>> endpoints, Fallback fallback, Json json) {
        this.prefix = prefix;
        this.endpoints = List.copyOf(endpoints);
        this.fallback = fallback;
        this.json = json;
        for (Endpoint<?, ?> endpoint : endpoints) {
            routes.add(new KnownRoute(endpoint.method(), PathMatchers.create(prefix + endpoint.path())));
        }
    }

    /**
     * Registers every endpoint under the prefix, in the order declared, each behind the {@link EndpointHandler}
     * pipeline and recording its route template.
     */
    public void register(HttpRouting.Builder routing) {
        for (Endpoint<?, ?> endpoint : endpoints) {
            String template = prefix + endpoint.path();
            routing.route(endpoint.method(), template,
                          RouteTemplate.recording(template, new EndpointHandler<>(endpoint, json)));
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
                Redirect.temporary(request, response, otherForm);
                return;
            }
        }
        if (!reserved(path) && fallback.answer(request, response)) {
            return;
        }
        json.send(response, Status.NOT_FOUND_404, new ErrorBody("Not Found"));
    }

    private Optional<KnownRoute> firstMatching(String rawPath) {
        UriPath path = UriPath.create(rawPath);
        return routes.stream().filter(route -> route.matcher().match(path).accepted()).findFirst();
    }

    /** The API and the service's own pages keep their 404 whatever the fallback would answer. */
    private boolean reserved(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/") || ServicePages.of(path).isPresent();
    }
}
