package io.fullstackhelidon.web;

import java.util.List;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * An HTTP service whose routes are declared as a table, in the template's order: the same table registers the routes
 * and tells {@link RouteCatalog} which paths exist (for 405 and slash redirects).
 */
public interface ApiService extends HttpService {

    /** The routes, in matching order: a fixed path before a parameterised one. */
    List<Endpoint> endpoints();

    @Override
    default void routing(HttpRules rules) {
        endpoints().forEach(endpoint -> rules.route(endpoint.method(), endpoint.path(), endpoint.handler()));
    }
}
