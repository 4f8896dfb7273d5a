package io.fullstackhelidon.features.items;

import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.ObjectSchema;
import io.fullstackhelidon.contract.validation.Patch;

/**
 * Body of {@code PUT /items/{id}} (the template's {@code ItemUpdate}, applied partially despite the method). A
 * {@code null} title is refused with 422 (the template fails with 500).
 *
 * @param title       new title
 * @param description new description, may be {@code null}
 */
public record ItemChanges(Patch<String> title, Patch<String> description) {

    private static final Field<String> TITLE = NewItem.TITLE.optional();

    static final ObjectSchema<ItemChanges> SCHEMA = ObjectSchema.json("ItemUpdate", TITLE, NewItem.DESCRIPTION)
            .as(body -> new ItemChanges(body.patch(TITLE), body.patch(NewItem.DESCRIPTION)));
}
