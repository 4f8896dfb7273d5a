package io.fullstackhelidon.contract;

/**
 * The template's generic success body, {@code {"message": "..."}}.
 *
 * @param message what happened
 */
public record Message(String message) {
}
