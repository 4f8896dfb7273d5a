package io.fullstackhelidon.infra.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The durable job queue in the service's database ({@code jobs.*}): e-mail delivery runs there.
 *
 * @param threads         jobs one instance runs at once
 * @param pollingInterval how often an instance looks for due jobs scheduled elsewhere (its own run at once)
 * @param maxRetries      retries of a failed job before it is given up
 * @param firstRetryDelay wait before the first retry; each further retry waits twice as long
 */
public record JobSettings(int threads, Duration pollingInterval, int maxRetries, Duration firstRetryDelay) {

    public JobSettings {
        Objects.requireNonNull(pollingInterval, "pollingInterval");
        Objects.requireNonNull(firstRetryDelay, "firstRetryDelay");
        if (threads < 1 || maxRetries < 0 || pollingInterval.isZero() || pollingInterval.isNegative()
            || firstRetryDelay.isNegative()) {
            throw new ConfigurationException("jobs needs threads >= 1, max-retries >= 0, a positive polling interval "
                                             + "and a non-negative retry delay");
        }
    }
}
