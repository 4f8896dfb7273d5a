package io.fullstackhelidon.infra.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 instances cloned from one that is never used: {@code MessageDigest.getInstance} looks the algorithm up among
 * the security providers and checks the algorithm constraints on every call, which on the authentication path cost
 * four times the hashing of the token itself (Flight Recorder, item by id).
 */
public final class Sha256 {

    private static final MessageDigest PROTOTYPE = create();

    private Sha256() {
    }

    /** The SHA-256 of {@code text}'s UTF-8 bytes, in lower-case hex: how a token is kept without keeping it. */
    public static String hex(String text) {
        return HexFormat.of().formatHex(fresh().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest fresh() {
        try {
            return (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            return create();
        }
    }

    private static MessageDigest create() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
