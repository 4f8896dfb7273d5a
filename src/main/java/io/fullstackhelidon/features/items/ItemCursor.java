package io.fullstackhelidon.features.items;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where a page of the item list ended, in the list's order (newest first, then by id): the next page starts after it.
 * Opaque to clients (URL-safe Base64 of the creation time in microseconds and the id); it names a position, not a
 * permission, so a client that forges one sees only what it may see anyway.
 *
 * @param createdAt the last item's creation time; {@code null} for rows older than the column, which come first
 * @param id        the last item's id
 */
public record ItemCursor(Instant createdAt, UUID id) {

    private static final String NO_TIME = "-";

    static ItemCursor after(Item last) {
        return new ItemCursor(last.createdAt(), last.id());
    }

    /** Whether {@code text} is a cursor, or empty: the start of the list. */
    static boolean isValid(String text) {
        return text.isEmpty() || parse(text).isPresent();
    }

    /** The cursor in {@code text}; empty when it is not one this service made. */
    static Optional<ItemCursor> parse(String text) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(text), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 2) {
                return Optional.empty();
            }
            Instant createdAt = parts[0].equals(NO_TIME) ? null
                                                         : Instant.EPOCH.plus(Long.parseLong(parts[0]), ChronoUnit.MICROS);
            return Optional.of(new ItemCursor(createdAt, UUID.fromString(parts[1])));
        } catch (IllegalArgumentException | ArithmeticException | java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    /** The cursor's text form. */
    String text() {
        String time = createdAt == null ? NO_TIME : Long.toString(ChronoUnit.MICROS.between(Instant.EPOCH, createdAt));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                (time + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
