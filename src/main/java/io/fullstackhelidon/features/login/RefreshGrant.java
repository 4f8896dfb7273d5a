package io.fullstackhelidon.features.login;

import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.ObjectSchema;

/**
 * The refresh grant's form (RFC 6749 section 6), {@code POST /login/refresh}; and, without the grant type,
 * {@code POST /login/logout}'s, which names the family to end by one of its tokens (RFC 7009's form).
 *
 * @param refreshToken the token presented
 */
record RefreshGrant(String refreshToken) {

    private static final Field<String> REFRESH_TOKEN = Field.string("refresh_token", 1, 256);

    static final ObjectSchema<RefreshGrant> SCHEMA = ObjectSchema.form(
                    "Body_login-refresh_access_token",
                    Field.string("grant_type", 0, Field.UNLIMITED).exactly("refresh_token"),
                    REFRESH_TOKEN)
            .as(form -> new RefreshGrant(form.get(REFRESH_TOKEN)));

    static final ObjectSchema<RefreshGrant> LOGOUT = ObjectSchema.form("Body_login-logout", REFRESH_TOKEN)
            .as(form -> new RefreshGrant(form.get(REFRESH_TOKEN)));
}
