package io.fullstackhelidon.infra.security;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.ProviderRequest;
import io.helidon.security.spi.AuthenticationProvider;

/**
 * Helidon Security's authentication of the template's access tokens, with FastAPI's OAuth2 bearer rule
 * ({@link BearerHeader}). No header or another scheme abstains (the caller did not try to authenticate); a token that
 * is malformed, forged, expired or not an access token fails; a valid one authenticates the user whose id is its
 * subject, with the token's issue time (so that revocation can be judged) and expiry (until which
 * {@link Authentication} remembers it) as attributes; the token itself stays out of the security context.
 */
public final class BearerTokenProvider implements AuthenticationProvider {

    /** The failure's description, which the contract answers with. */
    public static final String INVALID = "Could not validate credentials";
    static final String ISSUED_AT = "issued_at";
    static final String EXPIRES_AT = "expires_at";

    private final AtomicReference<AccessTokens> tokens = new AtomicReference<>();

    /**
     * Verifies with the application's {@code accessTokens} from now on; called once, by the composition root, before
     * the server takes requests (Helidon Security builds its providers itself, from {@code security.providers}).
     */
    public void verifyWith(AccessTokens accessTokens) {
        if (!tokens.compareAndSet(null, accessTokens)) {
            throw new IllegalStateException("The bearer-token provider already verifies with the application's keys");
        }
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        Optional<String> token = BearerHeader.token(
                request.env().headers().getOrDefault("Authorization", List.of()).stream().findFirst());
        if (token.isEmpty()) {
            return AuthenticationResponse.abstain();
        }
        AccessTokens verifier = tokens.get();
        if (verifier == null) {
            return AuthenticationResponse.failed(INVALID);
        }
        return verifier.verify(token.get())
                .map(verified -> AuthenticationResponse.success(Principal.builder()
                        .name(verified.userId().toString())
                        .addAttribute(ISSUED_AT, verified.issuedAt().getEpochSecond())
                        .addAttribute(EXPIRES_AT, verified.expiresAt().getEpochSecond())
                        .build()))
                .orElseGet(() -> AuthenticationResponse.failed(INVALID));
    }
}
