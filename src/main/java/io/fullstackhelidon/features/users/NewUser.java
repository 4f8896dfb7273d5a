package io.fullstackhelidon.features.users;

import java.util.Objects;

/**
 * What it takes to create a user.
 *
 * @param email       normalised e-mail address
 * @param password    plain password, hashed before storing
 * @param isActive    whether the account may be used
 * @param isSuperuser whether it is an administrator
 * @param fullName    display name or {@code null}
 */
public record NewUser(String email, String password, boolean isActive, boolean isSuperuser, String fullName) {

    public NewUser {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(password, "password");
    }

    /** A self-registered account: active, never a superuser. */
    public static NewUser regular(String email, String password, String fullName) {
        return new NewUser(email, password, true, false, fullName);
    }

    @Override
    public String toString() {
        return "NewUser[" + email + ", active=" + isActive + ", superuser=" + isSuperuser + "]";
    }
}
