package io.fullstackhelidon.infra.security;

import java.time.Instant;
import java.util.UUID;

/**
 * What the {@code Authorization} header of a request proved ({@link Authentication}).
 */
public sealed interface Credentials {

    /** No header, or a scheme other than Bearer: the client has not tried to authenticate. */
    record Missing() implements Credentials {
    }

    /** A bearer token that is malformed, forged, expired or not an access token. */
    record Invalid() implements Credentials {
    }

    /**
     * A valid access token for the user with this id (who may since have been deleted, deactivated or had their
     * tokens revoked).
     *
     * @param userId      the token's subject
     * @param issuedAt    when it was issued, in whole seconds
     * @param tokenDigest {@link #digest} of the token: tells this token apart without keeping it
     */
    record Verified(UUID userId, Instant issuedAt, String tokenDigest) implements Credentials {
    }

    /** SHA-256 of a token, in hex: a token's identity that cannot be used as the token. */
    static String digest(String token) {
        return Sha256.hex(token);
    }
}
