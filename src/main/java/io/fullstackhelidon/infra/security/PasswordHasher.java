package io.fullstackhelidon.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

import io.fullstackhelidon.domain.Unavailable;
import io.fullstackhelidon.infra.config.Settings.PasswordHashSettings;

import de.mkammerer.argon2.Argon2;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.jna.Argon2Library;
import de.mkammerer.argon2.jna.Argon2_type;
import de.mkammerer.argon2.jna.Size_t;
import at.favre.lib.crypto.bcrypt.BCrypt;

/**
 * Password hashing compatible with the template (pwdlib): new hashes are argon2id PHC strings with argon2-cffi's
 * parameters; bcrypt hashes ({@code $2a$}, {@code $2b$}, {@code $2y$}, as passlib wrote them) still verify and are
 * replaced by argon2id on the next successful login. Every argon2 computation holds one of a bounded number of
 * permits (each takes 64 MiB): under a flood, requests queue briefly and are then answered 503, never an
 * OutOfMemoryError.
 */
public final class PasswordHasher {

    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final int BCRYPT_MAX_PASSWORD_BYTES = 72;
    private static final SecureRandom RANDOM = new SecureRandom();
    // argon2.h: the type ids and the result codes that are failures of the computation, not of the input
    private static final Argon2_type ARGON2D = new Argon2_type(0);
    private static final Argon2_type ARGON2I = new Argon2_type(1);
    private static final Argon2_type ARGON2ID = new Argon2_type(2);
    private static final int ARGON2_OK = 0;
    private static final int ARGON2_MEMORY_ALLOCATION_ERROR = -22;
    private static final int ARGON2_THREAD_FAIL = -33;

    private final Argon2 argon2;
    private final PasswordHashSettings settings;
    private final String currentParameters;
    private final Semaphore permits;
    private final LongAdder computations = new LongAdder();
    private final Duration maxWait;
    private final String dummyHash;

    public PasswordHasher(PasswordHashSettings settings) {
        this.argon2 = Argon2Factory.create(Argon2Factory.Argon2Types.ARGON2id, SALT_BYTES, HASH_BYTES);
        this.settings = settings;
        this.permits = new Semaphore(settings.maxConcurrent(), true);
        this.maxWait = settings.maxWait();
        this.currentParameters = "$argon2id$v=19$m=" + settings.memoryKib() + ",t=" + settings.iterations() + ",p="
                                 + settings.parallelism() + "$";
        this.dummyHash = currentParameters + randomBase64(SALT_BYTES) + "$" + randomBase64(HASH_BYTES);
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
        return bounded(() -> withChars(password, chars -> argon2.hash(settings.iterations(), settings.memoryKib(),
                                                                      settings.parallelism(), chars)));
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

    /**
     * The library's own {@code verify} answers {@code false} for every error code; its native call tells a mismatch
     * and a malformed hash (no match) from a memory or thread failure (thrown).
     */
    private static boolean argon2Matches(String password, String storedHash) {
        Argon2_type type = storedHash.startsWith("$argon2id$") ? ARGON2ID
                           : storedHash.startsWith("$argon2i$") ? ARGON2I
                           : storedHash.startsWith("$argon2d$") ? ARGON2D : null;
        if (type == null) {
            return false;
        }
        byte[] encoded = (storedHash + "\0").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        try {
            int result = Argon2Library.INSTANCE.argon2_verify(encoded, bytes, new Size_t(bytes.length), type);
            if (result == ARGON2_MEMORY_ALLOCATION_ERROR || result == ARGON2_THREAD_FAIL) {
                throw new IllegalStateException("argon2 verification failed: "
                                                + Argon2Library.INSTANCE.argon2_error_message(result));
            }
            return result == ARGON2_OK;
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
        if (!storedHash.startsWith(currentParameters)) {
            return true;
        }
        String encodedHash = storedHash.substring(storedHash.lastIndexOf('$') + 1);
        try {
            return Base64.getDecoder().decode(padded(encodedHash)).length != HASH_BYTES;
        } catch (IllegalArgumentException e) {
            return true;
        }
    }

    /** Hands the password to the native library as characters wiped right after. */
    private <T> T withChars(String password, Function<char[], T> use) {
        char[] chars = password.toCharArray();
        try {
            return use.apply(chars);
        } finally {
            argon2.wipeArray(chars);
        }
    }

    /** bcrypt uses the first 72 bytes of a password; passlib and older Python bcrypt truncated silently too. */
    private static boolean bcryptMatches(String password, String storedHash) {
        byte[] bytes = password.getBytes(StandardCharsets.UTF_8);
        byte[] used = bytes.length > BCRYPT_MAX_PASSWORD_BYTES ? Arrays.copyOf(bytes, BCRYPT_MAX_PASSWORD_BYTES) : bytes;
        return BCrypt.verifyer().verify(used, storedHash.getBytes(StandardCharsets.US_ASCII)).verified;
    }

    private static String randomBase64(int length) {
        byte[] bytes = new byte[length];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String padded(String base64) {
        int remainder = base64.length() % 4;
        return remainder == 0 ? base64 : base64 + "=".repeat(4 - remainder);
    }
}
