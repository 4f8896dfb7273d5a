package io.fullstackhelidon.infra.security;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.LongAdder;

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
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();

    /** At most {@code maxEntries} tokens, the least recently used forgotten first; none when zero. */
    public VerifiedTokens(long maxEntries, Clock clock) {
        // evictions run on the caller's thread: the bound holds as soon as remember returns
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
        this.clock = clock;
    }

    /** What the token with this digest was verified to prove, while it has not expired. */
    Optional<Credentials.Verified> find(String tokenDigest) {
        Entry entry = verified.getIfPresent(tokenDigest);
        if (entry == null || !clock.instant().isBefore(entry.expiresAt())) {
            if (entry != null) {
                verified.invalidate(tokenDigest);
            }
            misses.increment();
            return Optional.empty();
        }
        hits.increment();
        return Optional.of(entry.credentials());
    }

    /** Lookups answered from memory. */
    public long hits() {
        return hits.sum();
    }

    /** Lookups that went to Helidon Security. */
    public long misses() {
        return misses.sum();
    }

    void remember(Credentials.Verified credentials, Instant expiresAt) {
        verified.put(credentials.tokenDigest(), new Entry(credentials, expiresAt));
    }

    private record Entry(Credentials.Verified credentials, Instant expiresAt) {
    }
}
