package io.fullstackhelidon.features.items;

import java.time.Instant;
import java.util.UUID;

/**
 * An item as the API shows it (the template's {@code ItemPublic}).
 *
 * @param title       title
 * @param description description or {@code null}
 * @param id          identifier
 * @param ownerId     owner's user id
 * @param createdAt   creation time or {@code null}
 */
public record ItemPublic(String title, String description, UUID id, UUID ownerId, Instant createdAt) {

    public static ItemPublic of(Item item) {
        return new ItemPublic(item.title(), item.description(), item.id(), item.ownerId(), item.createdAt());
    }
}
