package io.fullstackhelidon.users;

import io.fullstackhelidon.web.validation.ObjectFields;
import io.fullstackhelidon.web.validation.Patch;

/**
 * Body of {@code PATCH /users/me} (the template's {@code UserUpdateMe}): only the keys present change.
 *
 * @param fullName new display name, may be {@code null}
 * @param email    new e-mail address
 */
record UserUpdateMe(Patch<String> fullName, Patch<String> email) {

    static UserUpdateMe from(ObjectFields body) {
        Patch<String> fullName = body.optionalString("full_name", 0, 255, true);
        Patch<String> email = body.optionalEmail("email", false);
        return body.valid() ? new UserUpdateMe(fullName, email) : null;
    }
}
