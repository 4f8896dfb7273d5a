package io.fullstackhelidon.contract;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * Strong entity tags (RFC 9110 section 8.8.3) of JSON representations: the first 128 bits of the SHA-256 of the
 * answer's bytes, so that two answers have one tag exactly when they are the same bytes, on every instance, with no
 * version column in the template's tables.
 */
public final class EntityTag {

    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    /**
     * Cloned for every tag: {@code MessageDigest.getInstance} looks the algorithm up among the providers on every call,
     * which costs more than hashing a representation (users/me lost 5-10 % of its throughput to it).
     */
    private static final MessageDigest PROTOTYPE = sha256();

    private EntityTag() {
    }

    /** The tag of {@code representation}, quoted as the header carries it. */
    public static String of(byte[] representation) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) PROTOTYPE.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        return "\"" + BASE64URL.encodeToString(Arrays.copyOf(digest.digest(representation), 16)) + "\"";
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Whether a list of tags ({@code If-Match}, {@code If-None-Match}) names {@code tag} or is {@code *}; {@code weak}
     * compares as {@code If-None-Match} does, ignoring a {@code W/} prefix.
     */
    static boolean listed(String header, String tag, boolean weak) {
        for (String entry : header.split(",")) {
            String candidate = entry.strip();
            if (weak && candidate.startsWith("W/")) {
                candidate = candidate.substring(2);
            }
            if (candidate.equals("*") || candidate.equals(tag)) {
                return true;
            }
        }
        return false;
    }
}
