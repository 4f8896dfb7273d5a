package io.fullstackhelidon.infra.config;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The Redis that several instances share for rate limits and the user cache, and the one policy every call to it
 * follows: each command waits at most {@code timeout}; once {@code errorRatio} % of the last {@code volume} calls
 * failed, calls go straight to their fallback for {@code breakerDelay}, then one call tries Redis again.
 *
 * @param url          {@code REDIS_URL}; empty to keep that state in each process
 * @param prefix       prefix of every key this service writes ({@code redis.prefix}), so that services can share a Redis
 * @param timeout      connect and command time-out
 * @param volume       calls the circuit breaker judges together
 * @param errorRatio   percentage of failed calls among them that opens it
 * @param breakerDelay how long it stays open before trying again
 */
public record RedisSettings(Optional<String> url, String prefix, Duration timeout, int volume, int errorRatio,
                            Duration breakerDelay) {

    public RedisSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(breakerDelay, "breakerDelay");
        if (volume < 1 || errorRatio < 1 || errorRatio > 100) {
            throw new ConfigurationException("redis.breaker needs volume >= 1 and error-ratio between 1 and 100");
        }
    }

    @Override
    public String toString() {
        return "RedisSettings[configured=" + url.isPresent() + ", prefix=" + prefix + ", timeout=" + timeout + "]";
    }
}
