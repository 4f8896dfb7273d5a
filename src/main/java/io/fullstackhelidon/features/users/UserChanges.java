package io.fullstackhelidon.features.users;

import io.fullstackhelidon.contract.validation.Patch;

/**
 * Columns to change on a user; absent fields stay as they are.
 *
 * @param email          new e-mail address
 * @param isActive       new active flag
 * @param isSuperuser    new superuser flag
 * @param fullName       new display name, may be set to {@code null}
 * @param hashedPassword new password hash
 */
public record UserChanges(Patch<String> email,
                          Patch<Boolean> isActive,
                          Patch<Boolean> isSuperuser,
                          Patch<String> fullName,
                          Patch<String> hashedPassword) {

    /** Nothing to change. */
    public static UserChanges none() {
        return new UserChanges(Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent());
    }

    public static UserChanges password(String hashedPassword) {
        return new UserChanges(Patch.absent(), Patch.absent(), Patch.absent(), Patch.absent(),
                               Patch.of(hashedPassword));
    }
}
