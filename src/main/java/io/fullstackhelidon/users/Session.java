package io.fullstackhelidon.users;

import java.util.Objects;

/**
 * An admitted user with the token they called with, for the endpoints that end the user's other tokens and must tell
 * the caller's own apart.
 *
 * @param user        the active user the token names
 * @param tokenDigest SHA-256 of the token (never the token)
 */
public record Session(User user, String tokenDigest) {

    public Session {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(tokenDigest, "tokenDigest");
    }
}
