package io.fullstackhelidon.web;

import java.util.List;

/**
 * The HTTP layer of a feature: a table of routes in the template's order, each handler parsing the request, calling
 * the feature's service and writing the answer. {@link RouteCatalog} registers the tables under the API prefix.
 */
public interface ApiService {

    /** The routes, in matching order: a fixed path before a parameterised one. */
    List<Endpoint> endpoints();
}
