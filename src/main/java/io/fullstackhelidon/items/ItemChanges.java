package io.fullstackhelidon.items;

import io.fullstackhelidon.web.validation.ObjectFields;
import io.fullstackhelidon.web.validation.Patch;

/**
 * Body of {@code PUT /items/{id}} (the template's {@code ItemUpdate}, applied partially despite the method). A
 * {@code null} title is refused with 422 (the template fails with 500).
 *
 * @param title       new title
 * @param description new description, may be {@code null}
 */
public record ItemChanges(Patch<String> title, Patch<String> description) {

    static ItemChanges from(ObjectFields body) {
        Patch<String> title = body.optionalString("title", 1, 255, false);
        Patch<String> description = body.optionalString("description", 0, 255, true);
        return body.valid() ? new ItemChanges(title, description) : null;
    }
}
