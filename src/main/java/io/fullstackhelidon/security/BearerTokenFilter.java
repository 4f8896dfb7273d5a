package io.fullstackhelidon.security;

import java.util.Optional;

import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import org.slf4j.MDC;

/**
 * Verifies the bearer token of every request and records the outcome as {@link Credentials} in the request context.
 * It rejects nothing: the endpoint decides whether it needs a user, after the checks FastAPI runs first (JSON
 * syntax), so that the error precedence matches the template's.
 */
public final class BearerTokenFilter implements Filter {

    private static final Credentials MISSING = new Credentials.Missing();
    private static final Credentials INVALID = new Credentials.Invalid();

    private final AccessTokens tokens;

    public BearerTokenFilter(AccessTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest request, RoutingResponse response) {
        Credentials credentials = credentials(request.headers().first(HeaderNames.AUTHORIZATION));
        request.context().register(Credentials.class, credentials);
        if (credentials instanceof Credentials.Verified verified) {
            MDC.put("user_id", verified.userId().toString());
        }
        chain.proceed();
    }

    /** The OAuth2 bearer rule of FastAPI: split at the first space, scheme compared without case. */
    Credentials credentials(Optional<String> authorization) {
        if (authorization.isEmpty() || authorization.get().isEmpty()) {
            return MISSING;
        }
        String header = authorization.get();
        int space = header.indexOf(' ');
        String scheme = space < 0 ? header : header.substring(0, space);
        if (!scheme.equalsIgnoreCase("bearer")) {
            return MISSING;
        }
        String token = space < 0 ? "" : header.substring(space + 1);
        return tokens.verifiedUserId(token).<Credentials>map(Credentials.Verified::new).orElse(INVALID);
    }
}
