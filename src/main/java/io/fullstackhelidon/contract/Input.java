package io.fullstackhelidon.contract;

import java.util.Map;

/**
 * The validated input of one request, as its endpoint declared it.
 *
 * @param <B> the body record, {@code Void} without a body
 */
public final class Input<B> {

    private final Map<Parameter<?>, Object> parameters;
    private final B body;
    private final Precondition precondition;

    Input(Map<Parameter<?>, Object> parameters, B body, Precondition precondition) {
        this.parameters = parameters;
        this.body = body;
        this.precondition = precondition;
    }

    /** The value of a declared parameter. */
    @SuppressWarnings("unchecked")
    public <T> T get(Parameter<T> parameter) {
        if (!parameters.containsKey(parameter)) {
            throw new IllegalArgumentException("Parameter " + parameter.name() + " is not declared by this endpoint");
        }
        return (T) parameters.get(parameter);
    }

    /** The body record. */
    public B body() {
        return body;
    }

    /** The request's {@code If-Match}, when the endpoint is conditional; {@link Precondition#NONE} otherwise. */
    public Precondition precondition() {
        return precondition;
    }
}
