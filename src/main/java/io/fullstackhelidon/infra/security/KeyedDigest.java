package io.fullstackhelidon.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 under a key derived from {@code SECRET_KEY} for one purpose, in hex: a fingerprint of data that may hold
 * a secret (a request body with a password) which nobody can test guesses against without the key.
 */
public final class KeyedDigest implements Function<byte[], String> {

    private final SecretKeySpec key;

    public KeyedDigest(String secretKey, String purpose) {
        this.key = new SecretKeySpec(Sha256.hex(purpose + "\n" + secretKey).getBytes(StandardCharsets.US_ASCII),
                                     "HmacSHA256");
    }

    @Override
    public String apply(byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(data));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
