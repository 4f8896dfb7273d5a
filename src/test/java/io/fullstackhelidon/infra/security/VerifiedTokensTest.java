package io.fullstackhelidon.infra.security;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import io.fullstackhelidon.support.MovableClock;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-12-01T12:00:00Z");

    private final MovableClock clock = new MovableClock(NOW);

    @Test
    void aTokenIsKnownByItsDigestUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(10, clock);
        Credentials.Verified verified = verified("token-a");
        tokens.remember(verified, NOW.plusSeconds(60));

        assertThat(tokens.find(Credentials.digest("token-a"))).contains(verified);
        assertThat(tokens.find(Credentials.digest("token-b"))).isEmpty();
        clock.set(NOW.plusSeconds(59));
        assertThat(tokens.find(verified.tokenDigest())).contains(verified);
        clock.set(NOW.plusSeconds(60));
        assertThat(tokens.find(verified.tokenDigest())).as("at its exp").isEmpty();
        assertThat(tokens.hits()).isEqualTo(2);
        assertThat(tokens.misses()).isEqualTo(2);
    }

    @Test
    void noEntriesMeansEveryTokenIsVerifiedAgain() {
        VerifiedTokens tokens = new VerifiedTokens(0, clock);
        Credentials.Verified verified = verified("token-a");
        tokens.remember(verified, NOW.plus(Duration.ofDays(1)));

        assertThat(tokens.find(verified.tokenDigest())).isEmpty();
    }

    private static Credentials.Verified verified(String token) {
        return new Credentials.Verified(UUID.randomUUID(), NOW.minusSeconds(10), Credentials.digest(token));
    }
}
