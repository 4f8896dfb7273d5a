package io.fullstackhelidon.infra.security;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import io.helidon.http.HeaderNames;
import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.SecurityContext;
import io.helidon.webserver.http.ServerRequest;
import org.slf4j.MDC;

/**
 * What a request's {@code Authorization} header proves, asked of Helidon Security when an endpoint's guard needs a
 * caller (so after the body's syntax check, as FastAPI orders it): the webserver security feature gives every request
 * a security context, and the configured provider ({@link BearerTokenProvider}) authenticates it. A token it verified
 * before is answered from {@link VerifiedTokens}.
 */
public final class Authentication {

    private static final Credentials MISSING = new Credentials.Missing();
    private static final Credentials INVALID = new Credentials.Invalid();

    private final VerifiedTokens verifiedTokens;

    public Authentication(VerifiedTokens verifiedTokens) {
        this.verifiedTokens = verifiedTokens;
    }

    /** The request's credentials; a verified user's id also goes into the logging context. */
    public Credentials of(ServerRequest request) {
        Optional<String> token = BearerHeader.token(request.headers().first(HeaderNames.AUTHORIZATION));
        if (token.isEmpty()) {
            return MISSING;
        }
        String digest = Credentials.digest(token.get());
        Optional<Credentials.Verified> known = verifiedTokens.find(digest);
        Credentials credentials = known.isPresent() ? known.get() : verify(request, digest);
        if (credentials instanceof Credentials.Verified verified) {
            MDC.put("user_id", verified.userId().toString());
        }
        return credentials;
    }

    /** Helidon Security's verdict; the credentials of a verified token are remembered. */
    private Credentials verify(ServerRequest request, String digest) {
        SecurityContext context = request.context().get(SecurityContext.class).orElseThrow(
                () -> new IllegalStateException("No security context: server.features.security is not configured"));
        AuthenticationResponse response = context.atnClientBuilder().buildAndGet();
        return switch (response.status()) {
            case SUCCESS, SUCCESS_FINISH -> {
                Principal principal = response.user().orElseThrow().principal();
                Credentials.Verified verified = new Credentials.Verified(
                        UUID.fromString(principal.getName()),
                        Instant.ofEpochSecond((Long) principal.abacAttribute(BearerTokenProvider.ISSUED_AT).orElseThrow()),
                        digest);
                verifiedTokens.remember(verified, Instant.ofEpochSecond(
                        (Long) principal.abacAttribute(BearerTokenProvider.EXPIRES_AT).orElseThrow()));
                yield verified;
            }
            case ABSTAIN -> MISSING;
            case FAILURE, FAILURE_FINISH -> INVALID;
        };
    }
}
