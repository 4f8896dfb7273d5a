package io.fullstackhelidon.login;

import io.fullstackhelidon.web.validation.ObjectFields;

/**
 * Body of {@code POST /reset-password/}.
 *
 * @param token       the reset token from the e-mail's link
 * @param newPassword 8 to 128 characters
 */
record NewPassword(String token, String newPassword) {

    static NewPassword from(ObjectFields body) {
        String token = body.string("token", 0, Integer.MAX_VALUE);
        String newPassword = body.string("new_password", 8, 128);
        return body.valid() ? new NewPassword(token, newPassword) : null;
    }
}
