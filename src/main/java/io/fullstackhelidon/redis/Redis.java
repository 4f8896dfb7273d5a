package io.fullstackhelidon.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.metrics.CommandLatencyRecorder;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.DefaultClientResources;
import io.netty.resolver.DefaultAddressResolverGroup;

/**
 * The one Redis connection of an instance ({@code REDIS_URL}), shared by the rate limits and the user cache.
 * Commands fail fast (300 ms, and at once while disconnected) so that callers can fall back instead of waiting; the
 * connection is opened on first use and re-established by Lettuce after an outage.
 */
public final class Redis implements AutoCloseable {

    public static final Duration TIMEOUT = Duration.ofMillis(300);

    private final ClientResources resources;
    private final RedisClient client;
    private final String keyPrefix;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;

    public Redis(String url, String keyPrefix) {
        // Without what the service does not use: per-command latency statistics (requests are measured instead) and
        // Netty's own DNS client (the JDK resolver, with /etc/hosts and the system's search domains, resolves one host)
        this.resources = DefaultClientResources.builder()
                .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                .build();
        this.client = RedisClient.create(resources, RedisURI.create(url));
        this.client.setOptions(ClientOptions.builder()
                                       .autoReconnect(true)
                                       .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                                       .timeoutOptions(TimeoutOptions.enabled(TIMEOUT))
                                       .socketOptions(SocketOptions.builder().connectTimeout(TIMEOUT).build())
                                       .build());
        this.keyPrefix = keyPrefix;
    }

    /** The prefix of every key this service writes ({@code redis.prefix}), so that several services can share one. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** The connection, opened on first use; throws when Redis cannot be reached. */
    public StatefulRedisConnection<byte[], byte[]> connection() {
        StatefulRedisConnection<byte[], byte[]> current = connection;
        if (current == null) {
            synchronized (this) {
                if (connection == null) {
                    connection = client.connect(ByteArrayCodec.INSTANCE);
                }
                current = connection;
            }
        }
        return current;
    }

    @Override
    public void close() {
        // closes the connection too (closing it first made the client warn "Connection is already closed")
        client.shutdown(Duration.ZERO, TIMEOUT);
        resources.shutdown(0, TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
}
