package io.fullstackhelidon.web;

/**
 * The template's generic success body, {@code {"message": "..."}}.
 *
 * @param message what happened
 */
public record Message(String message) {
}
