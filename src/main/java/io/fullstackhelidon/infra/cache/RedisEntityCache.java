package io.fullstackhelidon.infra.cache;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.fullstackhelidon.infra.redis.Redis;

import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;

/**
 * Entries cached in the Redis every instance shares, so that a write on one instance is seen by all on their next
 * request. Each entry has a value key and a version key; an invalidation bumps the version and deletes the value, and
 * a loaded value is stored only if the version is still the one read before loading (a Lua script checks and stores
 * in one step), so a read racing a write on another instance cannot put the old row back. When Redis fails (the
 * policy of {@link Redis#call}) the lookup loads, and a lost invalidation is bounded by the TTL.
 *
 * @param <V> what is cached, written and read by its {@link Codec}
 */
public final class RedisEntityCache<V> implements EntityCache<V> {

    /** How entries are written to Redis and read back. */
    public interface Codec<V> {

        byte[] encode(V value);

        /** The entry; empty for one this version cannot read (written by another release), which is then reloaded. */
        Optional<V> decode(byte[] bytes);
    }

    private static final System.Logger LOGGER = System.getLogger(RedisEntityCache.class.getName());
    private static final String STORE_IF_VERSION_UNCHANGED = """
            if (redis.call('GET', KEYS[2]) or '0') == ARGV[1] then
              redis.call('SET', KEYS[1], ARGV[2], 'PX', ARGV[3])
            end
            return 1""";
    private static final String BUMP_VERSION_AND_DELETE = """
            redis.call('INCR', KEYS[2])
            redis.call('PEXPIRE', KEYS[2], ARGV[1])
            redis.call('DEL', KEYS[1])
            return 1""";

    private final Redis redis;
    private final String prefix;
    private final Duration ttl;
    /** Versions outlive values, so that a load that started before an invalidation always sees it. */
    private final Duration versionTtl;
    private final Codec<V> codec;
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder errors = new LongAdder();

    /** Entries under {@code keySpace} (such as {@code user:}) below the instance's key prefix. */
    public RedisEntityCache(Redis redis, String keySpace, Duration ttl, Codec<V> codec) {
        this.redis = redis;
        this.prefix = redis.keyPrefix() + keySpace;
        this.ttl = ttl;
        this.codec = codec;
        this.versionTtl = ttl.plus(Duration.ofMinutes(1));
    }

    @Override
    public Optional<V> get(UUID id, Function<UUID, Optional<V>> load) {
        byte[] valueKey = key(id, "");
        byte[] versionKey = key(id, ":v");
        List<KeyValue<byte[], byte[]>> found = redis.call(connection -> connection.sync().mget(valueKey, versionKey),
                                                          () -> null);
        if (found == null) {
            errors.increment();
            return load.apply(id);
        }
        Optional<V> cached = found.get(0).hasValue() ? codec.decode(found.get(0).getValue()) : Optional.empty();
        if (cached.isPresent()) {
            hits.increment();
            return cached;
        }
        misses.increment();
        String version = found.get(1).hasValue() ? new String(found.get(1).getValue(), StandardCharsets.UTF_8) : "0";
        Optional<V> loaded = load.apply(id);
        loaded.ifPresent(value -> redis.call(
                connection -> connection.sync().eval(STORE_IF_VERSION_UNCHANGED, ScriptOutputType.INTEGER,
                                                     new byte[][] {valueKey, versionKey}, bytes(version), codec.encode(value),
                                                     bytes(Long.toString(ttl.toMillis()))),
                () -> {
                    errors.increment();
                    return null;
                }));
        return loaded;
    }

    @Override
    public void invalidate(UUID id) {
        redis.call(connection -> connection.sync().eval(BUMP_VERSION_AND_DELETE, ScriptOutputType.INTEGER,
                                                        new byte[][] {key(id, ""), key(id, ":v")},
                                                        bytes(Long.toString(versionTtl.toMillis()))),
                   () -> {
                       errors.increment();
                       LOGGER.log(Level.WARNING, "Could not invalidate cached " + prefix + id + ": other instances may use "
                                                 + "the old entry for up to " + ttl.toSeconds() + " s");
                       return null;
                   });
    }

    @Override
    public String store() {
        return redis.degraded() ? "database (redis unreachable)" : "redis";
    }

    @Override
    public long hits() {
        return hits.sum();
    }

    @Override
    public long misses() {
        return misses.sum();
    }

    /** Redis commands of the cache that failed. */
    public long errors() {
        return errors.sum();
    }

    private byte[] key(UUID id, String suffix) {
        return bytes(prefix + id + suffix);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
