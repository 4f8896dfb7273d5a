package io.fullstackhelidon.infra.config;

import java.time.Duration;

/**
 * {@code Idempotency-Key}s ({@code idempotency.*}).
 *
 * @param ttl       how long a key and its answer are kept ({@code IDEMPOTENCY_TTL}, ISO-8601, default 24 hours)
 * @param abandoned when a key's first request has not answered within this, its instance is taken to have stopped
 *                  mid-request and the key is free again ({@code IDEMPOTENCY_ABANDONED}, default one minute)
 */
public record IdempotencySettings(Duration ttl, Duration abandoned) {

    public IdempotencySettings {
        if (ttl.isNegative() || ttl.isZero() || abandoned.isNegative() || abandoned.isZero()) {
            throw new ConfigurationException("idempotency needs ttl > 0 and abandoned > 0");
        }
    }
}
