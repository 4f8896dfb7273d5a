package io.fullstackhelidon.infra.security;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.contract.validation.UuidText;

import jakarta.json.Json;

/**
 * Access tokens as the template issues them: HS256, exactly two claims, {@code exp} (issue time plus
 * {@code ACCESS_TOKEN_EXPIRE_MINUTES}) and {@code sub} (the user's id). The template's tokens have no {@code iat}, so
 * a token's issue time is read as {@code exp} minus the configured lifetime, for its tokens and ours alike.
 */
public final class AccessTokens {

    private final HmacJwt jwt;
    private final Duration lifetime;

    public AccessTokens(HmacJwt jwt, Duration lifetime) {
        this.jwt = jwt;
        this.lifetime = lifetime;
    }

    /** How long a token is good for ({@code ACCESS_TOKEN_EXPIRE_MINUTES}). */
    public Duration lifetime() {
        return lifetime;
    }

    /**
     * A token for {@code userId} issued now, or at {@code notBefore} when that is later: after the user's tokens were
     * revoked (from the next whole second on, as issue times are whole seconds), a token issued within the same
     * second must still be accepted.
     */
    public String issue(UUID userId, Optional<Instant> notBefore) {
        Instant now = jwt.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant issued = notBefore.filter(now::isBefore).orElse(now);
        long expires = issued.plus(lifetime).getEpochSecond();
        return jwt.sign(Json.createObjectBuilder()
                                .add("exp", expires)
                                .add("sub", userId.toString())
                                .build());
    }

    /** The user a valid access token names, when it was issued and when it expires; empty for anything else. */
    public Optional<VerifiedToken> verify(String token) {
        return jwt.verify(token)
                .flatMap(claims -> claims.subject().flatMap(AccessTokens::uuid).map(userId -> {
                    Instant expiresAt = claims.expirationTime().orElseThrow().truncatedTo(ChronoUnit.SECONDS);
                    return new VerifiedToken(userId, expiresAt.minus(lifetime), expiresAt);
                }));
    }

    /**
     * What a valid access token proves.
     *
     * @param userId    its subject
     * @param issuedAt  its expiry minus the configured lifetime, in whole seconds
     * @param expiresAt its {@code exp}
     */
    public record VerifiedToken(UUID userId, Instant issuedAt, Instant expiresAt) {
    }

    private static Optional<UUID> uuid(String subject) {
        try {
            return Optional.of(UuidText.parse(subject));
        } catch (UuidText.InvalidUuidException e) {
            return Optional.empty();
        }
    }
}
