package io.fullstackhelidon.features.users;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * The end of a user's earlier access tokens (after a password change or reset, a deactivation, or "log out
 * everywhere"): every token issued before {@code notBefore} is refused, except the one whose digest is
 * {@code keptTokenDigest}, the token of the session that changed its own password (which the template's clients keep
 * using afterwards). With the template's claims, tokens of one user issued in the same second are the same token, so
 * the kept one is kept with its twins.
 *
 * @param notBefore       the first issue time still accepted, a whole second
 * @param keptTokenDigest the one earlier token still accepted, or {@code null}
 */
public record TokenRevocation(Instant notBefore, String keptTokenDigest) {

    public TokenRevocation {
        Objects.requireNonNull(notBefore, "notBefore");
    }

    /**
     * Ends every token of {@code user} issued until now. Issue times are whole seconds, so the cut is at the next whole
     * second: a token issued in this second is earlier (new tokens are issued at the cut, see AccessTokens). Tokens
     * issued at an earlier cut that is not yet past are earlier too, so the cut moves at least a second beyond it.
     */
    static TokenRevocation now(Clock clock, User user, String keptTokenDigest) {
        Instant next = clock.instant().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        Instant cut = user.tokensNotBefore().map(earlier -> earlier.plusSeconds(1)).filter(next::isBefore).orElse(next);
        return new TokenRevocation(cut, keptTokenDigest);
    }

    /** Whether the token issued at {@code issuedAt} with {@code tokenDigest} is revoked. */
    public boolean revokes(Instant issuedAt, String tokenDigest) {
        return issuedAt.isBefore(notBefore) && !tokenDigest.equals(keptTokenDigest);
    }

    @Override
    public String toString() {
        return "TokenRevocation[notBefore=" + notBefore + "]";
    }
}
