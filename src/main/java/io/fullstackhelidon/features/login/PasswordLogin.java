package io.fullstackhelidon.features.login;

import java.util.Arrays;

import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.ObjectSchema;

/**
 * The OAuth2 password grant's form ({@code OAuth2PasswordRequestForm}); {@code username} holds the e-mail address.
 * Client credentials are accepted and not used, as in the template; of the scopes, {@code offline_access} (OpenID
 * Connect's name) asks for a refresh token.
 *
 * @param username      the e-mail address, compared exactly
 * @param password      the password
 * @param offlineAccess whether the space-separated {@code scope} holds {@code offline_access}
 */
record PasswordLogin(String username, String password, boolean offlineAccess) {

    private static final Field<String> USERNAME = Field.string("username", 0, Field.UNLIMITED);
    private static final Field<String> PASSWORD = Field.string("password", 0, Field.UNLIMITED).format("password");
    private static final Field<String> SCOPE = Field.string("scope", 0, Field.UNLIMITED).withDefault("");

    static final ObjectSchema<PasswordLogin> SCHEMA = ObjectSchema.form(
                    "Body_login-login_access_token",
                    Field.string("grant_type", 0, Field.UNLIMITED).exactly("password").nullable(),
                    USERNAME,
                    PASSWORD,
                    SCOPE,
                    Field.string("client_id", 0, Field.UNLIMITED).nullable(),
                    Field.string("client_secret", 0, Field.UNLIMITED).format("password").nullable())
            .as(form -> new PasswordLogin(form.get(USERNAME), form.get(PASSWORD),
                                          Arrays.asList(form.get(SCOPE).split(" ")).contains("offline_access")));
}
