package io.fullstackhelidon.items;

import java.util.Objects;

import io.fullstackhelidon.web.validation.ObjectFields;

/**
 * Body of {@code POST /items/} (the template's {@code ItemCreate}).
 *
 * @param title       1 to 255 characters
 * @param description optional, up to 255 characters
 */
public record NewItem(String title, String description) {

    public NewItem {
        Objects.requireNonNull(title, "title");
    }

    static NewItem from(ObjectFields body) {
        String title = body.string("title", 1, 255);
        String description = body.optionalString("description", 0, 255, true).orElse(null);
        return body.valid() ? new NewItem(title, description) : null;
    }
}
