package io.fullstackhelidon.security;

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

    /** A valid access token for the user with this id (who may since have been deleted or deactivated). */
    record Verified(UUID userId) implements Credentials {
    }
}
