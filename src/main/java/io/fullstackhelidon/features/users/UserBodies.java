package io.fullstackhelidon.features.users;

import io.fullstackhelidon.contract.validation.Field;
import io.fullstackhelidon.contract.validation.ObjectSchema;
import io.fullstackhelidon.contract.validation.Patch;

/**
 * The request bodies of {@code /users/...}, declared as the template's models declare them (field order included:
 * it is the order of the 422 issues and of the OpenAPI properties).
 */
final class UserBodies {

    private static final Field<String> EMAIL = Field.email("email");
    private static final Field<String> OPTIONAL_EMAIL = EMAIL.optional();
    private static final Field<String> PASSWORD = Field.string("password", 8, 128);
    private static final Field<String> FULL_NAME = Field.string("full_name", 0, 255).nullable();
    private static final Field<Boolean> IS_ACTIVE = Field.bool("is_active");
    private static final Field<Boolean> IS_SUPERUSER = Field.bool("is_superuser");
    private static final Field<Boolean> ACTIVE_BY_DEFAULT = IS_ACTIVE.withDefault(true);
    private static final Field<Boolean> REGULAR_BY_DEFAULT = IS_SUPERUSER.withDefault(false);
    private static final Field<Boolean> OPTIONAL_ACTIVE = IS_ACTIVE.optional();
    private static final Field<Boolean> OPTIONAL_SUPERUSER = IS_SUPERUSER.optional();
    private static final Field<String> OPTIONAL_PASSWORD = PASSWORD.optional();
    private static final Field<String> CURRENT_PASSWORD = Field.string("current_password", 8, 128);
    private static final Field<String> NEW_PASSWORD = Field.string("new_password", 8, 128);

    /** {@code POST /users/} (the template's {@code UserCreate}). */
    static final ObjectSchema<NewUser> CREATE = ObjectSchema
            .json("UserCreate", EMAIL, ACTIVE_BY_DEFAULT, REGULAR_BY_DEFAULT, FULL_NAME, PASSWORD)
            .as(body -> new NewUser(body.get(EMAIL), body.get(PASSWORD), body.get(ACTIVE_BY_DEFAULT),
                                    body.get(REGULAR_BY_DEFAULT), body.get(FULL_NAME)));

    /**
     * {@code POST /users/signup} (the template's {@code UserRegister}): {@code is_active} and {@code is_superuser} are
     * not fields of it, so a client cannot grant itself anything.
     */
    static final ObjectSchema<NewUser> REGISTER = ObjectSchema
            .json("UserRegister", EMAIL, PASSWORD, FULL_NAME)
            .as(body -> NewUser.regular(body.get(EMAIL), body.get(PASSWORD), body.get(FULL_NAME)));

    /**
     * {@code PATCH /users/{user_id}} (the template's {@code UserUpdate}): only the keys present change. A {@code null}
     * for a column that cannot be null is refused with 422 (the template fails with 500).
     */
    static final ObjectSchema<UserUpdate> UPDATE = ObjectSchema
            .json("UserUpdate", OPTIONAL_EMAIL, OPTIONAL_ACTIVE, OPTIONAL_SUPERUSER, FULL_NAME, OPTIONAL_PASSWORD)
            .as(body -> new UserUpdate(new UserChanges(body.patch(OPTIONAL_EMAIL), body.patch(OPTIONAL_ACTIVE),
                                                       body.patch(OPTIONAL_SUPERUSER), body.patch(FULL_NAME),
                                                       Patch.absent()),
                                       body.patch(OPTIONAL_PASSWORD)));

    /** {@code PATCH /users/me} (the template's {@code UserUpdateMe}): only the keys present change. */
    static final ObjectSchema<UserUpdateMe> UPDATE_ME = ObjectSchema
            .json("UserUpdateMe", FULL_NAME, OPTIONAL_EMAIL)
            .as(body -> new UserUpdateMe(body.patch(FULL_NAME), body.patch(OPTIONAL_EMAIL)));

    /** {@code PATCH /users/me/password}. */
    static final ObjectSchema<UpdatePassword> UPDATE_PASSWORD = ObjectSchema
            .json("UpdatePassword", CURRENT_PASSWORD, NEW_PASSWORD)
            .as(body -> new UpdatePassword(body.get(CURRENT_PASSWORD), body.get(NEW_PASSWORD)));

    private UserBodies() {
    }

    /**
     * A superuser's change to a user.
     *
     * @param changes  column changes
     * @param password a new password to hash, when present
     */
    record UserUpdate(UserChanges changes, Patch<String> password) {
    }

    /**
     * A user's change to their own profile.
     *
     * @param fullName new display name, may be {@code null}
     * @param email    new e-mail address
     */
    record UserUpdateMe(Patch<String> fullName, Patch<String> email) {
    }

    /**
     * A password change.
     *
     * @param currentPassword the password now
     * @param newPassword     the password to set
     */
    record UpdatePassword(String currentPassword, String newPassword) {
    }
}
