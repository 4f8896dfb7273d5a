package io.fullstackhelidon.features.users;

import java.util.Objects;

/**
 * An admitted user with the token they called with, for the endpoints that end the user's other tokens and must tell
 * the caller's own apart.
 *
 * @param user        the active user the token names
 * @param tokenDigest SHA-256 of the token (never the token)
 */
public record UserWithToken(User user, String tokenDigest) {

    public UserWithToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
    }
}
