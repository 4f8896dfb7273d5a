package io.fullstackhelidon.infra.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Authenticated encryption (AES-256-GCM) for data the service must keep for a while but nobody may read at rest,
 * such as a queued e-mail that carries a password or a reset link. The key is derived from {@code SECRET_KEY} with
 * HKDF-SHA256 (RFC 5869) under a purpose label, so it never equals the token-signing key; data sealed under a key
 * listed in {@code PREVIOUS_SECRET_KEYS} still opens after a rotation, and new data is always sealed with the current
 * key.
 *
 * <p>Layout: version byte, 12-byte random nonce, ciphertext with its 16-byte tag.
 */
public final class SealedData {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final SecretKey sealingKey;
    private final List<SecretKey> openingKeys;
    private final SecureRandom random = new SecureRandom();

    /** Keys for {@code purpose} derived from the current secret and, for opening only, the previous ones. */
    public SealedData(String purpose, String secretKey, List<String> previousSecretKeys) {
        this.sealingKey = derive(secretKey, purpose);
        List<SecretKey> keys = new ArrayList<>();
        keys.add(sealingKey);
        previousSecretKeys.forEach(previous -> keys.add(derive(previous, purpose)));
        this.openingKeys = List.copyOf(keys);
    }

    public byte[] seal(byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance(TRANSFORMATION);
            cipher.init(Cipher.ENCRYPT_MODE, sealingKey, new GCMParameterSpec(TAG_BITS, nonce));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length).put(VERSION).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JDK", e);
        }
    }

    /** The data {@link #seal} was given; fails when it was sealed under no key we know or has been altered. */
    public byte[] open(byte[] sealed) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new UnreadableDataException("not sealed data of version " + VERSION);
        }
        GCMParameterSpec nonce = new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES);
        for (SecretKey key : openingKeys) {
            try {
                Cipher cipher = Cipher.getInstance(TRANSFORMATION);
                cipher.init(Cipher.DECRYPT_MODE, key, nonce);
                return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
            } catch (AEADBadTagException otherKey) {
                // sealed under another key, or altered: try the next one
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("AES-GCM is part of every JDK", e);
            }
        }
        throw new UnreadableDataException("sealed under none of the configured secret keys, or altered");
    }

    /** HKDF-SHA256 with an empty salt: extract a pseudo-random key from the secret, expand one block for AES-256. */
    private static SecretKey derive(String secret, String purpose) {
        return new SecretKeySpec(hkdfSha256(secret.getBytes(StandardCharsets.UTF_8),
                                            purpose.getBytes(StandardCharsets.UTF_8)), "AES");
    }

    /** The first 32 bytes of HKDF-SHA256's output for input key material {@code ikm}, no salt, and {@code info}. */
    static byte[] hkdfSha256(byte[] ikm, byte[] info) {
        try {
            Mac extract = Mac.getInstance("HmacSHA256");
            extract.init(new SecretKeySpec(new byte[32], "HmacSHA256"));
            byte[] pseudoRandomKey = extract.doFinal(ikm);
            Mac expand = Mac.getInstance("HmacSHA256");
            expand.init(new SecretKeySpec(pseudoRandomKey, "HmacSHA256"));
            expand.update(info);
            byte[] key = expand.doFinal(new byte[] {1});
            Arrays.fill(pseudoRandomKey, (byte) 0);
            return key;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    /** Data that cannot be opened with the configured keys. */
    public static final class UnreadableDataException extends RuntimeException {

        UnreadableDataException(String reason) {
            super("Sealed data cannot be opened: " + reason);
        }
    }
}
