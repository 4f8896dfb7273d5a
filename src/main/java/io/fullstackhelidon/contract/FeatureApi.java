package io.fullstackhelidon.contract;

import java.util.List;

/**
 * The HTTP layer of a feature: its endpoints, declared, in the template's order. {@link RouteCatalog} registers them
 * under the API prefix, each behind the same {@link EndpointHandler} pipeline.
 */
public interface FeatureApi {

    /** The endpoints, in matching order: a fixed path before a parameterised one. */
    List<Endpoint<?, ?>> endpoints();
}
