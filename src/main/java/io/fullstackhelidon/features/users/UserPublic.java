package io.fullstackhelidon.features.users;

import java.time.Instant;
import java.util.UUID;

/**
 * A user as the API shows it (the template's {@code UserPublic}): everything but the password hash.
 *
 * @param email       e-mail address
 * @param isActive    whether the account may be used
 * @param isSuperuser whether it is an administrator
 * @param fullName    display name or {@code null}
 * @param id          identifier
 * @param createdAt   creation time or {@code null}
 */
public record UserPublic(String email, boolean isActive, boolean isSuperuser, String fullName, UUID id,
                         Instant createdAt) {

    public static UserPublic of(User user) {
        return new UserPublic(user.email(), user.isActive(), user.isSuperuser(), user.fullName(), user.id(),
                              user.createdAt());
    }
}
