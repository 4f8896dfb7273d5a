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

    private EntityTag() {
    }

    /** The tag of {@code representation}, quoted as the header carries it. */
    public static String of(byte[] representation) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(representation);
            return "\"" + BASE64URL.encodeToString(Arrays.copyOf(digest, 16)) + "\"";
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
