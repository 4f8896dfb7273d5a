package io.fullstackhelidon.infra.security;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import io.helidon.security.jwt.Jwt;
import jakarta.json.Json;

/**
 * Password-reset tokens as the template issues them: HS256 with the access tokens' key, claims {@code exp} (a
 * fractional epoch time, issue time plus {@code EMAIL_RESET_TOKEN_EXPIRE_HOURS}), {@code nbf} (issue time) and
 * {@code sub} (the e-mail address). They are not recorded anywhere and stay valid until they expire.
 */
public final class ResetTokens {

    private final HmacJwt jwt;
    private final Duration lifetime;

    public ResetTokens(HmacJwt jwt, Duration lifetime) {
        this.jwt = jwt;
        this.lifetime = lifetime;
    }

    public String issue(String email) {
        Instant now = jwt.clock().instant().truncatedTo(ChronoUnit.MICROS);
        Instant expires = now.plus(lifetime);
        return jwt.sign(Json.createObjectBuilder()
                                .add("exp", BigDecimal.valueOf(ChronoUnit.MICROS.between(Instant.EPOCH, expires), 6))
                                .add("nbf", now.getEpochSecond())
                                .add("sub", email)
                                .build());
    }

    /** The e-mail address a valid token was issued for; an access token yields its user id, which matches no one. */
    public Optional<String> verifiedEmail(String token) {
        return jwt.verify(token).flatMap(Jwt::subject);
    }

    public Duration lifetime() {
        return lifetime;
    }
}
