package io.fullstackhelidon.features.items;

import java.util.Objects;

import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.ObjectSchema;

/**
 * Body of {@code POST /items/} (the template's {@code ItemCreate}).
 *
 * @param title       1 to 255 characters
 * @param description optional, up to 255 characters
 */
public record NewItem(String title, String description) {

    static final Field<String> TITLE = Field.string("title", 1, 255);
    static final Field<String> DESCRIPTION = Field.string("description", 0, 255).nullable();

    static final ObjectSchema<NewItem> SCHEMA = ObjectSchema.json("ItemCreate", TITLE, DESCRIPTION)
            .as(body -> new NewItem(body.get(TITLE), body.get(DESCRIPTION)));

    public NewItem {
        Objects.requireNonNull(title, "title");
    }
}
