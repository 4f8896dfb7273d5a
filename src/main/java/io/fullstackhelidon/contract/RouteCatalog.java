package io.fullstackhelidon.contract;

import java.util.ArrayList;
import java.util.List;

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
 * Registers the API's endpoints under the API prefix and so knows every API path; answers requests no route took:
 * 405 with {@code Allow} when the path exists under another method, a 307 to the other slash form when that one
 * exists, otherwise the {@link UnroutedRequests} (the built frontend) outside the API and the service's own pages,
 * and 404.
 *
 * <p>Unlike Starlette's router (ADR 0004), a path's methods are those of its most specific routes (fewest path
 * parameters): {@code Allow} lists all of them, as RFC 9110 asks, and a fixed path such as {@code /users/signup} is
 * not also a {@code /users/{user_id}}: a method only the parametrised route has is 405 there, not that route's answer.
 */
public final class RouteCatalog implements Handler {

    /** The order {@code Allow} lists methods in. */
    private static final List<Method> METHOD_ORDER = List.of(Method.GET, Method.HEAD, Method.POST, Method.PUT,
                                                             Method.PATCH, Method.DELETE, Method.OPTIONS);

    private record KnownRoute(Method method, String template, PathMatcher matcher) {

        long parameters() {
            return template.chars().filter(c -> c == '{').count();
        }
    }

    private final String prefix;
    private final List<FeatureApi> features;
    private final List<Endpoint<?, ?>> endpoints;
    private final List<KnownRoute> routes = new ArrayList<>();
    private final UnroutedRequests fallback;
    private final Json json;
    private final Idempotency idempotency;

    public RouteCatalog(String prefix, List<FeatureApi> features, UnroutedRequests fallback, Json json,
                        Idempotency idempotency) {
        this.idempotency = idempotency;
        this.prefix = prefix;
        this.features = List.copyOf(features);
        this.endpoints = features.stream().flatMap(feature -> feature.endpoints().stream()).toList();
        this.fallback = fallback;
        this.json = json;
        for (Endpoint<?, ?> endpoint : endpoints) {
            String template = prefix + endpoint.path();
            routes.add(new KnownRoute(endpoint.method(), template, PathMatchers.create(template)));
        }
    }

    /**
     * Registers each feature as a Helidon {@code HttpService} under the prefix, its endpoints in the order declared,
     * each behind the {@link EndpointHandler} pipeline and recording its route template; first, a 405 for each method
     * that a fixed path would otherwise reach through a parametrised route.
     */
    public void register(HttpRouting.Builder routing) {
        for (KnownRoute fixed : routes) {
            if (fixed.parameters() > 0) {
                continue;
            }
            List<Method> allowed = allowedMethods(fixed.template());
            routes.stream()
                    .filter(route -> route.parameters() > 0 && !allowed.contains(route.method())
                                     && route.matcher().match(UriPath.create(fixed.template())).accepted())
                    .map(KnownRoute::method).distinct()
                    .forEach(shadowed -> routing.route(shadowed, fixed.template(), RouteTemplate.recording(
                            fixed.template(), (request, response) -> methodNotAllowed(response, allowed))));
        }
        for (FeatureApi feature : features) {
            routing.register(prefix, rules -> feature.endpoints().forEach(endpoint -> rules.route(
                    endpoint.method(), endpoint.path(),
                    RouteTemplate.recording(prefix + endpoint.path(),
                                            new EndpointHandler<>(endpoint, json, idempotency)))));
        }
    }

    @Override
    public void handle(ServerRequest request, ServerResponse response) {
        String path = request.path().rawPath();
        List<Method> allowed = allowedMethods(path);
        if (!allowed.isEmpty()) {
            methodNotAllowed(response, allowed);
            return;
        }
        if (!path.equals("/")) {
            String otherForm = path.endsWith("/") ? path.substring(0, path.length() - 1) : path + "/";
            if (!allowedMethods(otherForm).isEmpty()) {
                Redirect.temporary(request, response, otherForm);
                return;
            }
        }
        if (!reserved(path) && fallback.answer(request, response)) {
            return;
        }
        json.send(response, Status.NOT_FOUND_404, new ErrorBody("Not Found"));
    }

    private void methodNotAllowed(ServerResponse response, List<Method> allowed) {
        response.header(HeaderNames.ALLOW, String.join(", ", allowed.stream().map(Method::text).toList()));
        json.send(response, Status.METHOD_NOT_ALLOWED_405, new ErrorBody("Method Not Allowed"));
    }

    /** The methods of the most specific routes matching {@code rawPath}; empty when none matches. */
    private List<Method> allowedMethods(String rawPath) {
        UriPath path = UriPath.create(rawPath);
        List<KnownRoute> matching = routes.stream().filter(route -> route.matcher().match(path).accepted()).toList();
        long fewest = matching.stream().mapToLong(KnownRoute::parameters).min().orElse(0);
        List<Method> methods = matching.stream().filter(route -> route.parameters() == fewest)
                .map(KnownRoute::method).distinct().toList();
        return METHOD_ORDER.stream().filter(methods::contains).toList();
    }

    /** The API and the service's own pages keep their 404 whatever the fallback would answer. */
    private boolean reserved(String path) {
        return path.equals(prefix) || path.startsWith(prefix + "/") || ServicePages.of(path).isPresent();
    }
}
