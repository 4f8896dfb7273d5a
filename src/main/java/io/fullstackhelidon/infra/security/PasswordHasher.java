package io.fullstackhelidon.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Supplier;

import io.fullstackhelidon.domain.Unavailable;
import io.fullstackhelidon.infra.config.Settings.PasswordHashSettings;

import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * Password hashing compatible with the template (pwdlib): new hashes are argon2id PHC strings with argon2-cffi's
 * parameters; bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}, as passlib wrote them) still verify and are
 * replaced by argon2id on the next successful login. Every argon2 computation holds one of a bounded number of
 * permits (each its 64 MiB of native memory, kept for the next: {@link NativeArgon2}): under a flood, requests queue
 * briefly and are then answered 503, never an OutOfMemoryError.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int BCRYPT_MAX_PASSWORD_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final NativeArgon2 argon2;
    /** The parameters of new hashes (the salt and digest are placeholders of their lengths). */
    private final Argon2Hash current;
    private final Semaphore permits;
    private final LongAdder computations = new LongAdder();
    private final Duration maxWait;
    private final String dummyHash;

    public PasswordHasher(PasswordHashSettings settings) {
        this.argon2 = new NativeArgon2(settings.memoryKib());
        this.permits = new Semaphore(settings.maxConcurrent(), true);
        this.maxWait = settings.maxWait();
        this.current = new Argon2Hash(Argon2Hash.ARGON2ID, Argon2Hash.VERSION_13, settings.memoryKib(),
                                      settings.iterations(), settings.parallelism(), new byte[SALT_BYTES],
                                      new byte[HASH_BYTES]);
        this.dummyHash = current.with(randomBytes(SALT_BYTES), randomBytes(HASH_BYTES)).encoded();
    }

    /**
     * The result of checking a password.
     *
     * @param matches       whether the password is right
     * @param upgradedHash  a fresh hash to store when the stored one uses an outdated scheme or cost
     */
    public record Verification(boolean matches, Optional<String> upgradedHash) {

        static final Verification MISMATCH = new Verification(false, Optional.empty());
    }

    /** A new argon2id hash of {@code password}. */
    public String hash(String password) {
        Argon2Hash salted = current.with(randomBytes(SALT_BYTES), new byte[HASH_BYTES]);
        byte[] digest = bounded(() -> computed(salted, password));
        if (digest.length == 0) {
            throw new IllegalStateException("argon2 refused the configured parameters " + current.parameters());
        }
        return salted.with(salted.salt(), digest).encoded();
    }

    /** Checks {@code password} against {@code storedHash}; an unknown hash format never matches. */
    public Verification verify(String password, String storedHash) {
        if (!matches(password, storedHash)) {
            return Verification.MISMATCH;
        }
        return new Verification(true, needsRehash(storedHash) ? Optional.of(hash(password)) : Optional.empty());
    }

    /**
     * A malformed stored hash never matches (bcrypt reports it in its result); a failure of the computation itself,
     * such as argon2 running out of memory, is an error, not a wrong password: it must neither count towards the
     * lock-out nor go unlogged.
     */
    private boolean matches(String password, String storedHash) {
        if (storedHash.startsWith("$argon2")) {
            return bounded(() -> argon2Matches(password, storedHash));
        }
        if (storedHash.startsWith("$2a$") || storedHash.startsWith("$2b$") || storedHash.startsWith("$2y$")) {
            return bcryptMatches(password, storedHash);
        }
        return false;
    }

    /** A malformed hash or parameters argon2 refuses (such as no passes) never match. */
    private boolean argon2Matches(String password, String storedHash) {
        return Argon2Hash.parse(storedHash).map(stored -> {
            byte[] digest = computed(stored, password);
            return digest.length > 0 && MessageDigest.isEqual(digest, stored.digest());
        }).orElse(false);
    }

    /**
     * The digest of {@code password} under {@code parameters}; empty when argon2 refuses the parameters. A failure
     * of the computation itself (no memory) is thrown: it is an error, not a wrong password.
     */
    private byte[] computed(Argon2Hash parameters, String password) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            NativeArgon2.Result result = argon2.compute(parameters, bytes);
            if (result.code() == NativeArgon2.ARGON2_MEMORY_ALLOCATION_ERROR) {
                throw new IllegalStateException("argon2 computation failed: " + NativeArgon2.message(result.code()));
            }
            return result.digest();
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Spends the time of a real verification, so that an unknown account cannot be told apart by timing. The cost of
     * verifying depends only on the parameters in the hash, so a random salt and digest under the current
     * parameters cost what a real hash costs, without hashing anything at start-up (300 ms of a 2-core start).
     */
    public void verifyAgainstDummy(String password) {
        bounded(() -> argon2Matches(password, dummyHash));
    }

    /** The stand-in hash of unknown accounts (for tests: it must be shaped as a real one to cost as much). */
    String dummyHash() {
        return dummyHash;
    }

    /** The argon2 computations run so far: hashes, verifications and the stand-in ones of unknown accounts. */
    public long computations() {
        return computations.sum();
    }

    /** Runs an argon2 computation when a permit is free within the wait, else answers 503. */
    private <T> T bounded(Supplier<T> computation) {
        boolean acquired;
        try {
            acquired = permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            acquired = false;
        }
        if (!acquired) {
            throw new Unavailable("Too many password checks in progress, try again shortly", 1);
        }
        try {
            computations.increment();
            return computation.get();
        } finally {
            permits.release();
        }
    }

    private boolean needsRehash(String storedHash) {
        return Argon2Hash.parse(storedHash)
                .map(stored -> !stored.parameters().equals(current.parameters())
                               || stored.digest().length != HASH_BYTES)
                .orElse(true);
    }

    /** bcrypt uses the first 72 bytes of a password; passlib and older Python bcrypt truncated silently too. */
    private static boolean bcryptMatches(String password, String storedHash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] used = bytes.length > BCRYPT_MAX_PASSWORD_BYTES ? Arrays.copyOf(bytes, BCRYPT_MAX_PASSWORD_BYTES) : bytes;
        return BCrypt.verifyer().verify(used, storedHash.getBytes(StandardCharsets.US_ASCII)).verified;
    }

    private static byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
