package io.fullstackhelidon.users;

import io.fullstackhelidon.web.validation.ObjectFields;
import io.fullstackhelidon.web.validation.Patch;

/**
 * Body of {@code PATCH /users/{user_id}} (the template's {@code UserUpdate}): only the keys present change. A
 * {@code null} for a column that cannot be null is refused with 422 (the template fails with 500).
 *
 * @param changes  column changes
 * @param password a new password to hash, when present
 */
record UserUpdate(UserChanges changes, Patch<String> password) {

    static UserUpdate from(ObjectFields body) {
        Patch<String> email = body.optionalEmail("email", false);
        Patch<Boolean> isActive = body.optionalBool("is_active");
        Patch<Boolean> isSuperuser = body.optionalBool("is_superuser");
        Patch<String> fullName = body.optionalString("full_name", 0, 255, true);
        Patch<String> password = body.optionalString("password", 8, 128, false);
        return body.valid()
                ? new UserUpdate(new UserChanges(email, isActive, isSuperuser, fullName, Patch.absent()), password)
                : null;
    }
}
