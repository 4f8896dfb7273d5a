package io.fullstackhelidon.features.login;

import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.ObjectSchema;

/**
 * Body of {@code POST /reset-password/}.
 *
 * @param token       the reset token from the e-mail's link
 * @param newPassword 8 to 128 characters
 */
record NewPassword(String token, String newPassword) {

    private static final Field<String> TOKEN = Field.string("token", 0, Field.UNLIMITED);
    private static final Field<String> NEW_PASSWORD = Field.string("new_password", 8, 128);

    static final ObjectSchema<NewPassword> SCHEMA = ObjectSchema.json("NewPassword", TOKEN, NEW_PASSWORD)
            .as(body -> new NewPassword(body.get(TOKEN), body.get(NEW_PASSWORD)));
}
