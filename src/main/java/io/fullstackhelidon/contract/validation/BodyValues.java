package io.fullstackhelidon.contract.validation;

import java.util.Map;

/** The validated fields of one request body, read by their declarations. */
public final class BodyValues {

    private final Map<Field<?>, Patch<?>> values;

    BodyValues(Map<Field<?>, Patch<?>> values) {
        this.values = values;
    }

    /** The value of a required field, or of an optional one with its default applied ({@code null} when it has none). */
    public <T> T get(Field<T> field) {
        return patch(field).orElse(field.defaultValue());
    }

    /** Whether an optional field was sent, and with what (possibly {@code null}). */
    @SuppressWarnings("unchecked")
    public <T> Patch<T> patch(Field<T> field) {
        Patch<?> patch = values.get(field);
        if (patch == null) {
            throw new IllegalArgumentException("Field " + field.name() + " is not part of this body");
        }
        return (Patch<T>) patch;
    }
}
