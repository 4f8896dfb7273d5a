package io.fullstackhelidon.users;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;

import io.fullstackhelidon.redis.Redis;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.lettuce.core.KeyValue;
import io.lettuce.core.ScriptOutputType;

/**
 * Users cached in the Redis every instance shares, so that a write on one instance is seen by all on their next
 * request. Each user has a value key and a version key; an invalidation bumps the version and deletes the value, and a
 * loaded value is stored only if the version is still the one read before loading (a Lua script checks and stores in
 * one step), so a read racing a write on another instance cannot put the old row back. When Redis fails (the policy
 * of {@link Redis#call}) the lookup goes to the database, and a lost invalidation is bounded by the TTL.
 */
public final class RedisUserCache implements UserCache {

    private static final System.Logger LOGGER = System.getLogger(RedisUserCache.class.getName());
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
    private final ObjectMapper mapper = new ObjectMapper();
    private final LongAdder hits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder errors = new LongAdder();

    public RedisUserCache(Redis redis, Duration ttl) {
        this.redis = redis;
        this.prefix = redis.keyPrefix() + "user:";
        this.ttl = ttl;
        this.versionTtl = ttl.plus(Duration.ofMinutes(1));
    }

    @Override
    public Optional<User> get(UUID id, Function<UUID, Optional<User>> load) {
        byte[] valueKey = key(id, "");
        byte[] versionKey = key(id, ":v");
        List<KeyValue<byte[], byte[]>> found = redis.call(connection -> connection.sync().mget(valueKey, versionKey),
                                                          () -> null);
        if (found == null) {
            errors.increment();
            return load.apply(id).map(User::withoutPasswordHash);
        }
        Optional<User> cached = found.get(0).hasValue() ? decode(found.get(0).getValue()) : Optional.empty();
        if (cached.isPresent()) {
            hits.increment();
            return cached;
        }
        misses.increment();
        String version = found.get(1).hasValue() ? new String(found.get(1).getValue(), StandardCharsets.UTF_8) : "0";
        Optional<User> loaded = load.apply(id).map(User::withoutPasswordHash);
        loaded.ifPresent(user -> redis.call(
                connection -> connection.sync().eval(STORE_IF_VERSION_UNCHANGED, ScriptOutputType.INTEGER,
                                                     new byte[][] {valueKey, versionKey}, bytes(version), encode(user),
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
                       LOGGER.log(Level.WARNING, "Could not invalidate cached user " + id + ": other instances may use "
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

    private byte[] encode(User user) {
        try {
            TokenRevocation revocation = user.tokenRevocation();
            return mapper.writeValueAsBytes(new Entry(user.id(), user.email(), user.isActive(), user.isSuperuser(),
                                                      user.fullName(), user.createdAt() == null
                                                              ? null
                                                              : ChronoUnit.MICROS.between(Instant.EPOCH,
                                                                                          user.createdAt()),
                                                      revocation == null ? null
                                                                         : revocation.notBefore().getEpochSecond(),
                                                      revocation == null ? null : revocation.keptTokenDigest()));
        } catch (IOException e) {
            throw new IllegalStateException("A user could not be written as JSON", e);
        }
    }

    /** The cached user; empty for an entry this version cannot read (written by another release), then reloaded. */
    private Optional<User> decode(byte[] json) {
        try {
            Entry entry = mapper.readValue(json, Entry.class);
            return Optional.of(new User(entry.id(), entry.email(), entry.active(), entry.superuser(), entry.fullName(), "",
                            entry.createdAtMicros() == null
                                    ? null
                                    : Instant.EPOCH.plus(entry.createdAtMicros(), ChronoUnit.MICROS),
                            entry.tokensNotBefore() == null
                                    ? null
                                    : new TokenRevocation(Instant.ofEpochSecond(entry.tokensNotBefore()),
                                                          entry.keptTokenDigest())));
        } catch (IOException | RuntimeException e) {
            LOGGER.log(Level.DEBUG, "Ignoring an unreadable cached user", e);
            return Optional.empty();
        }
    }

    /**
     * The cached form: a user without the password hash, which never leaves the database, and with the end of their
     * earlier tokens (epoch seconds) and the digest of the one token kept.
     */
    private record Entry(UUID id, String email, boolean active, boolean superuser, String fullName,
                         Long createdAtMicros, Long tokensNotBefore, String keptTokenDigest) {
    }
}
