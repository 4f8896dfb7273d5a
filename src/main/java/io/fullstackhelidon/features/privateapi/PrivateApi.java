package io.fullstackhelidon.features.privateapi;

import java.util.List;

import io.fullstackhelidon.contract.Endpoint;
import io.fullstackhelidon.contract.FeatureApi;
import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.ObjectSchema;
import io.fullstackhelidon.features.users.NewUser;
import io.fullstackhelidon.features.users.UserPublic;
import io.fullstackhelidon.features.users.UserService;

/**
 * {@code POST /private/users/}: unauthenticated user creation for end-to-end test set-up. Registered only in
 * development ({@code FASTAPI_ENV=development}), as in the template.
 */
public final class PrivateApi implements FeatureApi {

    private static final Field<String> EMAIL = Field.string("email", 0, 255);
    private static final Field<String> PASSWORD = Field.string("password", 0, Field.UNLIMITED);
    private static final Field<String> FULL_NAME = Field.string("full_name", 0, 255);

    /**
     * The template checks neither the e-mail format nor the password length here, and ignores {@code is_verified}.
     * Lengths are capped at the column size so that a long value is a 422, not a database error.
     */
    private static final ObjectSchema<NewUser> PRIVATE_USER_CREATE = ObjectSchema
            .json("PrivateUserCreate", EMAIL, PASSWORD, FULL_NAME, Field.bool("is_verified").withDefault(false))
            .as(body -> NewUser.regular(body.get(EMAIL), body.get(PASSWORD), body.get(FULL_NAME)));

    private final UserService users;

    public PrivateApi(UserService users) {
        this.users = users;
    }

    @Override
    public List<Endpoint<?, ?>> endpoints() {
        return List.of(Endpoint.post("/private/users/").body(PRIVATE_USER_CREATE)
                               .handle((nobody, in) -> UserPublic.of(users.register(
                                       in.body().email(), in.body().password(), in.body().fullName()))));
    }
}
