package io.fullstackhelidon.contract;

import java.util.List;

/**
 * The HTTP layer of a feature: its endpoints, declared, in the template's order. {@link RouteCatalog} registers the
 * feature as one Helidon {@code HttpService} under the API prefix, each endpoint behind the same
 * {@link EndpointHandler} pipeline.
 */
public interface FeatureApi {

    /** The endpoints, in matching order: a fixed path before a parameterised one. */
    List<Endpoint<?, ?>> endpoints();
}
