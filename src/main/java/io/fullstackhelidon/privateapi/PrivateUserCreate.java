package io.fullstackhelidon.privateapi;

import io.fullstackhelidon.users.NewUser;
import io.fullstackhelidon.web.validation.ObjectFields;

/**
 * Body of {@code POST /private/users/}: the template checks neither the e-mail format nor the password length here,
 * and ignores {@code is_verified}. Lengths are capped at the column size so that a long value is a 422, not a
 * database error.
 */
final class PrivateUserCreate {

    private static final int UNLIMITED = Integer.MAX_VALUE;

    private PrivateUserCreate() {
    }

    static NewUser from(ObjectFields body) {
        String email = body.string("email", 0, 255);
        String password = body.string("password", 0, UNLIMITED);
        String fullName = body.string("full_name", 0, 255);
        body.optionalBool("is_verified");
        return body.valid() ? NewUser.regular(email, password, fullName) : null;
    }
}
