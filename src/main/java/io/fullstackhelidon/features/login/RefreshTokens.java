package io.fullstackhelidon.features.login;

import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.domain.NotAuthenticated;
import io.fullstackhelidon.features.users.User;
import io.fullstackhelidon.features.users.UserService;
import io.fullstackhelidon.infra.config.RefreshTokenSettings;
import io.fullstackhelidon.infra.security.Sha256;

/**
 * Refresh tokens with rotation and reuse detection (RFC 6749 section 6, RFC 9700 section 4.14.2). A login that asks
 * for {@code offline_access} starts a family; every use spends its token and issues the next of the family, so that a
 * spent token presented again is a copy in someone else's hands: the whole family ends and a security event is
 * logged. Of two uses of one token at once exactly one wins; the other is a reuse like any, unless it comes within
 * the configured leeway of the first ({@code refresh.leeway}, zero by default), when it is refused and the family
 * lives (for clients that race themselves).
 *
 * <p>Tokens are 256 random bits, kept only as their SHA-256. A family ends when a token is not used within the idle
 * lifetime, at the absolute lifetime after its login, when the user is deactivated or deleted, with every revocation of
 * the user's tokens (a password change or reset, "log out everywhere": families started before the cut end), with
 * {@code POST /login/logout}, and when a newer login pushes it beyond the user's bound.
 */
public final class RefreshTokens {

    /** Every refused refresh token gets this answer, whatever the reason, so that none is told apart. */
    public static final String INVALID = "Invalid refresh token";

    private static final System.Logger LOGGER = System.getLogger(RefreshTokens.class.getName());
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();

    private final RefreshTokenRepository tokens;
    private final UserService users;
    private final RefreshTokenSettings settings;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public RefreshTokens(RefreshTokenRepository tokens, UserService users, RefreshTokenSettings settings, Clock clock) {
        this.tokens = tokens;
        this.users = users;
        this.settings = settings;
        this.clock = clock;
    }

    /**
     * Starts a family for {@code user}'s login and returns its first token; the user's oldest families beyond the
     * bound end. The family starts no earlier than the user's last revocation cut, which may lie in this second.
     */
    public String startFamily(User user) {
        Instant now = clock.instant();
        Instant started = user.tokensNotBefore().filter(now::isBefore).orElse(now);
        String token = newToken();
        tokens.insert(new RefreshTokenRepository.Stored(Sha256.hex(token), UUID.randomUUID(), user.id(), started,
                                                        started, null));
        tokens.familiesNewestFirst(user.id()).stream().skip(settings.families()).forEach(tokens::endFamily);
        return token;
    }

    /**
     * The user a good refresh token names, and its successor; the token is spent. Anything else is a 401
     * {@value #INVALID}, and a spent token ends its family.
     */
    public Rotation rotate(String presented) {
        RefreshTokenRepository.Stored stored = tokens.find(Sha256.hex(presented))
                .orElseThrow(() -> new NotAuthenticated(INVALID));
        Instant now = clock.instant();
        if (stored.spentAt() != null) {
            throw reused(stored, stored.spentAt(), now);
        }
        Optional<User> user = users.findTokenSubject(stored.userId()).filter(User::isActive);
        boolean expired = stored.issuedAt().plus(settings.idle()).isBefore(now)
                          || stored.familyStarted().plus(settings.absolute()).isBefore(now);
        boolean revoked = user.flatMap(User::tokensNotBefore).filter(stored.familyStarted()::isBefore).isPresent();
        if (user.isEmpty() || expired || revoked) {
            tokens.endFamily(stored.familyId());
            throw new NotAuthenticated(INVALID);
        }
        String next = newToken();
        boolean won = tokens.rotate(stored.digest(), now, new RefreshTokenRepository.Stored(
                Sha256.hex(next), stored.familyId(), stored.userId(), stored.familyStarted(), now, null));
        if (!won) {
            throw reused(stored, now, now);
        }
        tokens.forgetSpentBefore(stored.familyId(), now.minus(settings.idle()));
        return new Rotation(user.get(), next);
    }

    /** A spent token presented again: its family ends, unless within the leeway of the use that spent it. */
    private NotAuthenticated reused(RefreshTokenRepository.Stored stored, Instant spentAt, Instant now) {
        if (settings.leeway().isZero() || spentAt.plus(settings.leeway()).isBefore(now)) {
            tokens.endFamily(stored.familyId());
            LOGGER.log(Level.WARNING, "A spent refresh token was presented again: family " + stored.familyId()
                                      + " of user " + stored.userId() + " ended (the token was copied)");
        }
        return new NotAuthenticated(INVALID);
    }

    /** Ends the family of {@code presented}, if it has one; a token nobody knows ends nothing (RFC 7009). */
    public void endFamilyOf(String presented) {
        tokens.find(Sha256.hex(presented)).ifPresent(stored -> tokens.endFamily(stored.familyId()));
    }

    private String newToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return BASE64URL.encodeToString(bytes);
    }

    /**
     * A refresh token used: whose it was and the one that replaces it.
     *
     * @param user         the token's user, active
     * @param refreshToken the family's next token
     */
    public record Rotation(User user, String refreshToken) {
    }
}
