package io.fullstackhelidon.infra.redis;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.Supplier;

import io.fullstackhelidon.infra.config.RedisSettings;
import io.fullstackhelidon.infra.resilience.RecoveryProbe;

import io.helidon.faulttolerance.CircuitBreaker;
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
import io.lettuce.core.resource.Delay;
import io.netty.resolver.DefaultAddressResolverGroup;

/**
 * The one Redis connection of an instance ({@code REDIS_URL}), shared by the rate limits and the user cache, and the
 * one policy every call to it follows ({@link #call}): Lettuce bounds each command by the time-out (and rejects it at
 * once while disconnected), and a Helidon circuit breaker sends calls straight to their fallback once Redis is known
 * to fail, trying again after a pause; the connection is re-established by Lettuce.
 *
 * <p>Lettuce's client (Netty's event loops) and its first connection each took 0.2-0.3 s of a start on the main
 * thread, the connection when readiness first asked: both are made on a thread of their own from construction on,
 * while the rest of the service starts. A call that comes before waits for that, at most the time-out beyond the
 * client's build; when Redis cannot be reached then, the first call finds it out as before.
 */
public final class Redis implements AutoCloseable {

    private static final System.Logger LOGGER = System.getLogger(Redis.class.getName());
    private static final Duration RECONNECT_DELAY = Duration.ofMillis(500);

    private final CompletableFuture<Opened> opening;
    private final String keyPrefix;
    private final Duration timeout;
    private final CircuitBreaker breaker;
    private final ReentrantLock connecting = new ReentrantLock();
    private final RecoveryProbe recovery;
    private volatile StatefulRedisConnection<byte[], byte[]> connection;
    private volatile boolean degraded;

    public Redis(String url, RedisSettings settings) {
        this.timeout = settings.timeout();
        RedisURI uri = RedisURI.create(url);
        // the connection handshake's own time-out (60 s unless set): a black-holed Redis must not hold a connect longer
        uri.setTimeout(timeout);
        this.keyPrefix = settings.prefix();
        this.breaker = CircuitBreaker.builder()
                .name("redis")
                .volume(settings.volume())
                .errorRatio(settings.errorRatio())
                .successThreshold(1)
                .delay(settings.breakerDelay())
                .build();
        this.opening = CompletableFuture.supplyAsync(() -> Opened.open(uri, timeout),
                                                     task -> Thread.ofPlatform().name("redis-opening").start(task));
        // the rate limits and the user cache return to Redis as soon as it answers, with or without requests
        this.recovery = new RecoveryProbe("redis", settings.breakerDelay(), this::degraded,
                                          () -> call(current -> current.sync().ping(), () -> null));
    }

    /** The prefix of every key this service writes ({@code redis.prefix}), so that several services can share one. */
    public String keyPrefix() {
        return keyPrefix;
    }

    /** The longest a command may take. */
    public Duration timeout() {
        return timeout;
    }

    /**
     * {@code command} on the connection, or {@code fallback} when it fails or Redis is known to be failing: no caller
     * ever sees a Redis error, and none waits longer than the time-out.
     */
    public <T> T call(Function<StatefulRedisConnection<byte[], byte[]>, T> command, Supplier<T> fallback) {
        try {
            T result = breaker.invoke(() -> command.apply(connection()));
            if (degraded) {
                degraded = false;
                LOGGER.log(Level.WARNING, "Redis answers again: rate limits and cached users are shared again");
            }
            return result;
        } catch (RuntimeException e) {
            if (!degraded) {
                degraded = true;
                LOGGER.log(Level.WARNING, "Redis is unreachable (" + e.getClass().getSimpleName() + ": "
                                          + e.getMessage() + "): rate limits per instance and users from the database "
                                          + "until it answers");
            }
            return fallback.get();
        }
    }

    /** Whether the last call failed: callers use their fallbacks. */
    public boolean degraded() {
        return degraded;
    }

    /** The connection, the one opened at the start or a new one; throws when Redis cannot be reached. */
    public StatefulRedisConnection<byte[], byte[]> connection() {
        StatefulRedisConnection<byte[], byte[]> current = connection;
        if (current != null) {
            return current;
        }
        Opened opened = opening.join();
        // a lock, not a monitor: a virtual thread waiting here must not pin its carrier (JDK 21)
        connecting.lock();
        try {
            if (connection == null) {
                // assigned once: the start's connection, when it made one, is taken at most once
                connection = opened.firstConnection() != null ? opened.firstConnection()
                                                              : opened.client().connect(ByteArrayCodec.INSTANCE);
            }
            return connection;
        } finally {
            connecting.unlock();
        }
    }

    @Override
    public void close() {
        recovery.close();
        // closes the connection too (closing it first made the client warn "Connection is already closed"); a client
        // still being built is shut down once it is
        opening.thenAccept(opened -> {
            opened.client().shutdown(Duration.ZERO, timeout);
            opened.resources().shutdown(0, timeout.toMillis(), TimeUnit.MILLISECONDS);
        });
    }

    /** Lettuce's client and the connection its start made (null when Redis could not be reached then). */
    private record Opened(ClientResources resources, RedisClient client,
                          StatefulRedisConnection<byte[], byte[]> firstConnection) {

        static Opened open(RedisURI uri, Duration timeout) {
            // Without what the service does not use: per-command latency statistics (requests are measured instead)
            // and Netty's own DNS client (the JDK resolver, with /etc/hosts and the system's search domains, resolves
            // one host)
            ClientResources resources = DefaultClientResources.builder()
                    // Lettuce's default back-off between reconnects grows to 30 s: after an outage of that length the
                    // service would return to Redis only up to 30 s after Redis did; a try every RECONNECT_DELAY is
                    // cheap
                    .reconnectDelay(Delay.constant(RECONNECT_DELAY))
                    .commandLatencyRecorder(CommandLatencyRecorder.disabled())
                    .addressResolverGroup(DefaultAddressResolverGroup.INSTANCE)
                    .build();
            RedisClient client = RedisClient.create(resources, uri);
            client.setOptions(ClientOptions.builder()
                                      .autoReconnect(true)
                                      .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                                      .timeoutOptions(TimeoutOptions.enabled(timeout))
                                      .socketOptions(SocketOptions.builder().connectTimeout(timeout).build())
                                      .build());
            StatefulRedisConnection<byte[], byte[]> first;
            try {
                first = client.connect(ByteArrayCodec.INSTANCE);
            } catch (RuntimeException unreachable) {
                first = null; // the first call finds it out, through the breaker, and says so
            }
            return new Opened(resources, client, first);
        }
    }
}
