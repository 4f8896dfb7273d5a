package io.fullstackhelidon.features.login;

import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.ObjectSchema;

/**
 * The OAuth2 password grant's form ({@code OAuth2PasswordRequestForm}); {@code username} holds the e-mail address.
 * Scope and client credentials are accepted and not used, as in the template.
 *
 * @param username the e-mail address, compared exactly
 * @param password the password
 */
record PasswordLogin(String username, String password) {

    private static final Field<String> USERNAME = Field.string("username", 0, Field.UNLIMITED);
    private static final Field<String> PASSWORD = Field.string("password", 0, Field.UNLIMITED).format("password");

    static final ObjectSchema<PasswordLogin> SCHEMA = ObjectSchema.form(
                    "Body_login-login_access_token",
                    Field.string("grant_type", 0, Field.UNLIMITED).exactly("password").nullable(),
                    USERNAME,
                    PASSWORD,
                    Field.string("scope", 0, Field.UNLIMITED).withDefault(""),
                    Field.string("client_id", 0, Field.UNLIMITED).nullable(),
                    Field.string("client_secret", 0, Field.UNLIMITED).format("password").nullable())
            .as(form -> new PasswordLogin(form.get(USERNAME), form.get(PASSWORD)));
}
