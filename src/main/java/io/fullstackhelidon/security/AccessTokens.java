package io.fullstackhelidon.security;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.web.validation.UuidText;

import io.helidon.security.jwt.Jwt;
import jakarta.json.Json;

/**
 * Access tokens as the template issues them: HS256, exactly two claims, {@code exp} (issue time plus
 * {@code ACCESS_TOKEN_EXPIRE_MINUTES}) and {@code sub} (the user's id).
 */
public final class AccessTokens {

    private final HmacJwt jwt;
    private final Duration lifetime;

    public AccessTokens(HmacJwt jwt, Duration lifetime) {
        this.jwt = jwt;
        this.lifetime = lifetime;
    }

    public String issue(UUID userId) {
        long expires = jwt.clock().instant().plus(lifetime).getEpochSecond();
        return jwt.sign(Json.createObjectBuilder()
                                .add("exp", expires)
                                .add("sub", userId.toString())
                                .build());
    }

    /** The user id a valid access token names; empty for anything else, reset tokens included. */
    public Optional<UUID> verifiedUserId(String token) {
        return jwt.verify(token)
                .flatMap(Jwt::subject)
                .flatMap(AccessTokens::uuid);
    }

    private static Optional<UUID> uuid(String subject) {
        try {
            return Optional.of(UuidText.parse(subject));
        } catch (UuidText.InvalidUuidException e) {
            return Optional.empty();
        }
    }
}
