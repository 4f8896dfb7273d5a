package io.fullstackhelidon.users;

import io.fullstackhelidon.web.validation.ObjectFields;

/**
 * Body of {@code PATCH /users/me/password}.
 *
 * @param currentPassword the password now
 * @param newPassword     the password to set
 */
record UpdatePassword(String currentPassword, String newPassword) {

    static UpdatePassword from(ObjectFields body) {
        String currentPassword = body.string("current_password", 8, 128);
        String newPassword = body.string("new_password", 8, 128);
        return body.valid() ? new UpdatePassword(currentPassword, newPassword) : null;
    }
}
