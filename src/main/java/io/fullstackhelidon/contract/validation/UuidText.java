package io.fullstackhelidon.contract.validation;

import java.util.UUID;

/**
 * Parses UUIDs the way Pydantic does (it uses Rust's {@code uuid} crate): hyphenated, 32 plain hex digits, braced,
 * or with a {@code urn:uuid:} prefix, hex digits in any case. Failures carry the crate's explanation, which
 * Pydantic puts into its {@code uuid_parsing} message.
 */
public final class UuidText {

    private static final String URN_PREFIX = "urn:uuid:";
    private static final int[] GROUP_STARTS = {0, 9, 14, 19, 24};
    private static final int[] GROUP_LENGTHS = {8, 4, 4, 4, 12};

    private UuidText() {
    }

    /** Why a text is not a UUID. */
    public static final class InvalidUuidException extends Exception {

        InvalidUuidException(String reason) {
            super(reason, null, false, false);
        }
    }

    public static UUID parse(String text) throws InvalidUuidException {
        String hex = switch (text.length()) {
            case 32 -> plainHex(text);
            case 36 -> hyphenatedHex(text);
            case 38 -> text.startsWith("{") && text.endsWith("}") ? hyphenatedHex(text.substring(1, 37)) : null;
            case 45 -> text.startsWith(URN_PREFIX) ? hyphenatedHex(text.substring(URN_PREFIX.length())) : null;
            default -> null;
        };
        if (hex == null) {
            throw new InvalidUuidException(reason(text));
        }
        return new UUID(Long.parseUnsignedLong(hex.substring(0, 16), 16), Long.parseUnsignedLong(hex.substring(16), 16));
    }

    private static String plainHex(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isHex(text.charAt(i))) {
                return null;
            }
        }
        return text;
    }

    private static String hyphenatedHex(String text) {
        StringBuilder hex = new StringBuilder(32);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean hyphenPosition = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphenPosition != (c == '-') || (!hyphenPosition && !isHex(c))) {
                return null;
            }
            if (!hyphenPosition) {
                hex.append(c);
            }
        }
        return hex.toString();
    }

    private static String reason(String text) {
        String body = text;
        int offset = 0;
        boolean plain = true;
        if (text.length() >= 2 && text.startsWith("{") && text.endsWith("}")) {
            body = text.substring(1, text.length() - 1);
            offset = 1;
            plain = false;
        } else if (text.startsWith(URN_PREFIX)) {
            body = text.substring(URN_PREFIX.length());
            offset = URN_PREFIX.length();
            plain = false;
        }
        int hyphens = 0;
        int[] hyphenAt = new int[4];
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '-') {
                if (hyphens < 4) {
                    hyphenAt[hyphens] = i;
                }
                hyphens++;
            } else if (!isHex(c)) {
                return "invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `"
                       + new String(Character.toChars(body.codePointAt(i))) + "` at " + (i + offset + 1);
            }
        }
        if (hyphens == 0 && plain) {
            return "invalid length: expected length 32 for simple format, found " + text.length();
        }
        if (hyphens != 4) {
            return "invalid group count: expected 5, found " + (hyphens + 1);
        }
        for (int group = 0; group < 4; group++) {
            if (hyphenAt[group] != GROUP_STARTS[group + 1] - 1) {
                return groupLength(group, hyphenAt[group] - GROUP_STARTS[group]);
            }
        }
        return groupLength(4, body.length() - GROUP_STARTS[4]);
    }

    private static String groupLength(int group, int length) {
        return "invalid group length in group " + group + ": expected " + GROUP_LENGTHS[group] + ", found " + length;
    }

    private static boolean isHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
    }
}
