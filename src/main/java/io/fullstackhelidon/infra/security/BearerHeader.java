package io.fullstackhelidon.infra.security;

import java.util.Optional;

/**
 * FastAPI's OAuth2 bearer rule for an {@code Authorization} header: split at its first space, the scheme compared
 * without case. Written once for {@link BearerTokenProvider} and {@link Authentication}.
 */
final class BearerHeader {

    private BearerHeader() {
    }

    /** The token of a Bearer header (possibly empty); nothing when there is no header or another scheme. */
    static Optional<String> token(Optional<String> header) {
        if (header.isEmpty() || header.get().isEmpty()) {
            return Optional.empty();
        }
        String value = header.get();
        int space = value.indexOf(' ');
        String scheme = space < 0 ? value : value.substring(0, space);
        if (!scheme.equalsIgnoreCase("bearer")) {
            return Optional.empty();
        }
        return Optional.of(space < 0 ? "" : value.substring(space + 1));
    }
}
