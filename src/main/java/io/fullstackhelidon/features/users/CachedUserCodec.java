package io.fullstackhelidon.features.users;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;

import io.fullstackhelidon.infra.cache.RedisEntityCache;

import com.fasterxml.jackson.databind.ObjectMapper;

/** A user as the shared cache keeps it: JSON of an {@link Entry}, never with the password hash. */
public final class CachedUserCodec implements RedisEntityCache.Codec<User> {

    private static final System.Logger LOGGER = System.getLogger(CachedUserCodec.class.getName());

    private final ObjectMapper mapper = new ObjectMapper();

    @Override
    public byte[] encode(User user) {
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

    @Override
    public Optional<User> decode(byte[] json) {
        try {
            Entry entry = mapper.readValue(json, Entry.class);
            return Optional.of(new User(entry.id(), entry.email(), entry.active(), entry.superuser(), entry.fullName(),
                            "",
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
