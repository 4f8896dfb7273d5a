package io.fullstackhelidon.features.items;

import java.util.Optional;

/**
 * A page of the item list read by cursor.
 *
 * @param page the template's answer body
 * @param next where the next page starts; empty after the last page
 */
public record CursorPage(ItemsPublic page, Optional<String> next) {
}
