package io.fullstackhelidon.config;

import java.util.Objects;
import java.util.Optional;

/**
 * The Redis that several instances share for rate limits and the user cache.
 *
 * @param url    {@code REDIS_URL}; empty to keep that state in each process
 * @param prefix prefix of every key this service writes ({@code redis.prefix}), so that services can share a Redis
 */
public record RedisSettings(Optional<String> url, String prefix) {

    public RedisSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(prefix, "prefix");
    }

    @Override
    public String toString() {
        return "RedisSettings[configured=" + url.isPresent() + ", prefix=" + prefix + "]";
    }
}
