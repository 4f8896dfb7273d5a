package io.fullstackhelidon.users;

import io.fullstackhelidon.web.validation.ObjectFields;

/**
 * Body of {@code POST /users/signup} (the template's {@code UserRegister}); {@code is_active} and
 * {@code is_superuser} are not fields of it, so a client cannot grant itself anything.
 *
 * @param email    normalised e-mail address
 * @param password 8 to 128 characters
 * @param fullName display name or {@code null}
 */
record UserRegister(String email, String password, String fullName) {

    static UserRegister from(ObjectFields body) {
        String email = body.email("email");
        String password = body.string("password", 8, 128);
        String fullName = body.optionalString("full_name", 0, 255, true).orElse(null);
        return body.valid() ? new UserRegister(email, password, fullName) : null;
    }
}
