package io.fullstackhelidon.infra.security;

import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An argon2 hash in the PHC string format that argon2's own {@code encode_string} writes and argon2-cffi (the
 * template's pwdlib) stores: {@code $argon2id$v=19$m=65536,t=3,p=4$<salt>$<digest>}, Base64 without padding; a
 * missing {@code v=} is version 1.0 (16), as argon2 reads it. Parsed here so that the computation can be given its
 * memory ({@link NativeArgon2}); a test checks {@link #encoded()} against the library's encoder.
 *
 * @param type       argon2's type id: 0 argon2d, 1 argon2i, 2 argon2id
 * @param version    16 or 19
 * @param memoryKib  memory cost in KiB, unsigned 32-bit
 * @param iterations passes over memory, unsigned 32-bit
 * @param lanes      parallelism, unsigned 32-bit
 * @param salt       the salt
 * @param digest     the hash
 */
record Argon2Hash(int type, int version, long memoryKib, long iterations, long lanes, byte[] salt, byte[] digest) {

    static final int ARGON2ID = 2;
    static final int VERSION_13 = 0x13;
    /** By type id. */
    private static final List<String> TYPE_NAMES = List.of("argon2d", "argon2i", "argon2id");
    private static final Pattern FORMAT = Pattern.compile(
            "\\$(" + String.join("|", TYPE_NAMES) + ")(?:\\$v=(16|19))?"
            + "\\$m=([0-9]{1,10}),t=([0-9]{1,10}),p=([0-9]{1,10})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final long MAX_UNSIGNED_32 = 0xFFFF_FFFFL;

    /** The hash {@code text} holds; empty when it is not one (a malformed stored hash never matches). */
    static Optional<Argon2Hash> parse(String text) {
        Matcher matcher = FORMAT.matcher(text);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long memory = Long.parseLong(matcher.group(3));
        long iterations = Long.parseLong(matcher.group(4));
        long lanes = Long.parseLong(matcher.group(5));
        if (memory > MAX_UNSIGNED_32 || iterations > MAX_UNSIGNED_32 || lanes > MAX_UNSIGNED_32) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Argon2Hash(TYPE_NAMES.indexOf(matcher.group(1)),
                                              matcher.group(2) == null ? 16 : Integer.parseInt(matcher.group(2)),
                                              memory, iterations, lanes, unpadded(matcher.group(6)),
                                              unpadded(matcher.group(7))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The PHC string, as argon2's encoder writes it. */
    String encoded() {
        Base64.Encoder base64 = Base64.getEncoder().withoutPadding();
        return parameters() + base64.encodeToString(salt) + "$" + base64.encodeToString(digest);
    }

    /** The PHC string's start, up to the salt: what every hash made with these parameters begins with. */
    String parameters() {
        return "$" + TYPE_NAMES.get(type) + "$v=" + version + "$m=" + memoryKib + ",t=" + iterations + ",p=" + lanes
               + "$";
    }

    /** The same parameters with another salt and digest. */
    Argon2Hash with(byte[] newSalt, byte[] newDigest) {
        return new Argon2Hash(type, version, memoryKib, iterations, lanes, newSalt, newDigest);
    }

    /** Unpadded Base64 whose last group is one character long cannot be; argon2 refuses it too. */
    private static byte[] unpadded(String base64) {
        if (base64.length() % 4 == 1) {
            throw new IllegalArgumentException("truncated Base64");
        }
        return Base64.getDecoder().decode(base64 + "==".substring(0, (4 - base64.length() % 4) % 4));
    }
}
