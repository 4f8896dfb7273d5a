package io.fullstackhelidon.users;

import io.fullstackhelidon.web.validation.ObjectFields;

/** Body of {@code POST /users/} (the template's {@code UserCreate}); fields read in the model's order. */
final class UserCreate {

    private UserCreate() {
    }

    static NewUser from(ObjectFields body) {
        String email = body.email("email");
        boolean isActive = body.bool("is_active", true);
        boolean isSuperuser = body.bool("is_superuser", false);
        String fullName = body.optionalString("full_name", 0, 255, true).orElse(null);
        String password = body.string("password", 8, 128);
        return body.valid() ? new NewUser(email, password, isActive, isSuperuser, fullName) : null;
    }
}
