package io.fullstackhelidon.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

/**
 * Access tokens Helidon Security verified in this process, keyed by their SHA-256 ({@link Credentials#digest}, so the
 * token itself is never kept), each until it expires: a token's next request skips the signature check, the claims'
 * parsing and Helidon Security's authentication call. What a token proves never changes before it expires; whether
 * its user still accepts it (revocation, deactivation) is judged on every request after this.
 */
public final class VerifiedTokens {

    private final Cache<String, Entry> verified;
    private final Clock clock;

    /** At most {@code maxEntries} tokens, the least recently used forgotten first; none when zero. */
    public VerifiedTokens(long maxEntries, Clock clock) {
        // evictions run on the caller's thread: the bound holds as soon as remember returns
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
        this.clock = clock;
    }

    /** What the token with this digest was verified to prove, while it has not expired. */
    Optional<Credentials.Verified> find(String tokenDigest) {
        Entry entry = verified.getIfPresent(tokenDigest);
        if (entry == null) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(entry.expiresAt())) {
            verified.invalidate(tokenDigest);
            return Optional.empty();
        }
        return Optional.of(entry.credentials());
    }

    void remember(Credentials.Verified credentials, Instant expiresAt) {
        verified.put(credentials.tokenDigest(), new Entry(credentials, expiresAt));
    }

    private record Entry(Credentials.Verified credentials, Instant expiresAt) {
    }
}
