package io.fullstackhelidon.contract.validation;

import java.util.function.Consumer;

/**
 * A field of a partial update: absent (leave the column alone) or present with a value, which may be {@code null}
 * (set the column to null).
 *
 * @param <T>     value type
 * @param present whether the key was in the request
 * @param value   the value when present
 */
public record Patch<T>(boolean present, T value) {

    private static final Patch<?> ABSENT = new Patch<>(false, null);

    @SuppressWarnings("unchecked")
    public static <T> Patch<T> absent() {
        return (Patch<T>) ABSENT;
    }

    public static <T> Patch<T> of(T value) {
        return new Patch<>(true, value);
    }

    /** The value when present, else {@code fallback}. */
    public T orElse(T fallback) {
        return present ? value : fallback;
    }

    public void ifPresent(Consumer<T> action) {
        if (present) {
            action.accept(value);
        }
    }
}
