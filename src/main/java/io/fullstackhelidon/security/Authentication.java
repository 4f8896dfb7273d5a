package io.fullstackhelidon.security;

import java.time.Instant;
import java.util.UUID;

import io.helidon.security.AuthenticationResponse;
import io.helidon.security.Principal;
import io.helidon.security.SecurityContext;
import io.helidon.webserver.http.ServerRequest;
import org.slf4j.MDC;

/**
 * What a request's {@code Authorization} header proves, asked of Helidon Security when an endpoint's guard needs a
 * caller (so after the body's syntax check, as FastAPI orders it): the webserver security feature gives every request
 * a security context, and the configured provider ({@link BearerTokenProvider}) authenticates it.
 */
public final class Authentication {

    private static final Credentials MISSING = new Credentials.Missing();
    private static final Credentials INVALID = new Credentials.Invalid();

    private Authentication() {
    }

    /** The request's credentials; a verified user's id also goes into the logging context. */
    public static Credentials of(ServerRequest request) {
        SecurityContext context = request.context().get(SecurityContext.class).orElseThrow(
                () -> new IllegalStateException("No security context: server.features.security is not configured"));
        AuthenticationResponse response = context.atnClientBuilder().buildAndGet();
        return switch (response.status()) {
            case SUCCESS, SUCCESS_FINISH -> {
                Principal principal = response.user().orElseThrow().principal();
                MDC.put("user_id", principal.getName());
                yield new Credentials.Verified(
                        UUID.fromString(principal.getName()),
                        Instant.ofEpochSecond((Long) principal.abacAttribute(BearerTokenProvider.ISSUED_AT).orElseThrow()),
                        (String) principal.abacAttribute(BearerTokenProvider.TOKEN_DIGEST).orElseThrow());
            }
            case ABSTAIN -> MISSING;
            case FAILURE, FAILURE_FINISH -> INVALID;
        };
    }
}
