package io.fullstackhelidon.security;

import java.util.List;
import java.util.Optional;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.ProviderRequest;
import io.helidon.security.spi.AuthenticationProvider;

/**
 * Helidon Security's authentication of the template's access tokens, with FastAPI's OAuth2 bearer rule: the
 * {@code Authorization} header split at its first space, the scheme compared without case. No header or another
 * scheme abstains (the caller did not try to authenticate); a token that is malformed, forged, expired or not an
 * access token fails; a valid one authenticates the user whose id is its subject, with the token's issue time and
 * digest as attributes, so that revocation can be judged (the token itself stays out of the security context).
 */
public final class BearerTokenProvider implements AuthenticationProvider {

    /** The failure's description, which the contract answers with. */
    public static final String INVALID = "Could not validate credentials";
    static final String ISSUED_AT = "issued_at";
    static final String TOKEN_DIGEST = "token_sha256";

    private final AccessTokens tokens;

    public BearerTokenProvider(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public AuthenticationResponse authenticate(ProviderRequest request) {
        Optional<String> header = request.env().headers().getOrDefault("Authorization", List.of()).stream().findFirst();
        if (header.isEmpty() || header.get().isEmpty()) {
            return AuthenticationResponse.abstain();
        }
        int space = header.get().indexOf(' ');
        String scheme = space < 0 ? header.get() : header.get().substring(0, space);
        if (!scheme.equalsIgnoreCase("bearer")) {
            return AuthenticationResponse.abstain();
        }
        String token = space < 0 ? "" : header.get().substring(space + 1);
        return tokens.verify(token)
                .map(verified -> AuthenticationResponse.success(Principal.builder()
                        .name(verified.userId().toString())
                        .addAttribute(ISSUED_AT, verified.issuedAt().getEpochSecond())
                        .addAttribute(TOKEN_DIGEST, Credentials.digest(token))
                        .build()))
                .orElseGet(() -> AuthenticationResponse.failed(INVALID));
    }
}
