package io.fullstackhelidon.infra.ratelimit;

import java.time.Duration;

import io.fullstackhelidon.infra.config.RateLimitSettings.Rule;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;

/** Token buckets by key (a client address, an account), each shaped by a {@link Rule}. */
public interface RateLimiter extends AutoCloseable {

    /** Takes one token from the bucket {@code key} of {@code rule}. */
    LimitDecision tryConsume(String key, Rule rule);

    /** Whether the bucket {@code key} of {@code rule} would allow a request now, without taking a token. */
    LimitDecision peek(String key, Rule rule);

    /** Refills the bucket {@code key} of {@code rule} completely. */
    void reset(String key, Rule rule);

    /** Where the buckets live now, for readiness details: {@code local}, {@code redis}, or a degraded state. */
    String store();

    @Override
    default void close() {
    }

    /** The Bucket4j shape of a rule: capacity {@code requests}, refilled over {@code period}. */
    static BucketConfiguration configuration(Rule rule) {
        return BucketConfiguration.builder().addLimit(bandwidth(rule)).build();
    }

    /** The limit of a rule: refilled continuously, or all at once at the end of the period for a lock-out. */
    static Bandwidth bandwidth(Rule rule) {
        var capacity = Bandwidth.builder().capacity(rule.requests());
        return (rule.lockout() ? capacity.refillIntervally(rule.requests(), rule.period())
                               : capacity.refillGreedy(rule.requests(), rule.period())).build();
    }

    /** A probe as a {@link LimitDecision}, times rounded up to whole seconds. */
    static LimitDecision decision(ConsumptionProbe probe, Rule rule) {
        return new LimitDecision(probe.isConsumed(), rule.requests(), probe.getRemainingTokens(),
                            seconds(probe.getNanosToWaitForReset()),
                            probe.isConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    /** An estimate as a {@link LimitDecision}, nothing consumed. */
    static LimitDecision decision(EstimationProbe probe, Rule rule) {
        return new LimitDecision(probe.canBeConsumed(), rule.requests(), probe.getRemainingTokens(), 0,
                            probe.canBeConsumed() ? 0 : Math.max(1, seconds(probe.getNanosToWaitForRefill())));
    }

    private static long seconds(long nanos) {
        return (nanos + Duration.ofSeconds(1).toNanos() - 1) / Duration.ofSeconds(1).toNanos();
    }
}
