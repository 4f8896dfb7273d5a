package io.fullstackhelidon.contract.validation;

import java.net.IDN;
import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validates and normalises e-mail addresses like Pydantic's {@code EmailStr} (which delegates to the
 * {@code email-validator} package, without deliverability checks): the display-name form {@code Name <a@b.com>} is
 * reduced to the address, surrounding spaces are dropped and the domain is lower-cased; the local part keeps its
 * case. Rejections carry email-validator's reason texts, which clients show to users.
 */
public final class EmailAddress {

    static final int MAX_INPUT_LENGTH = 2048;

    private static final int LOCAL_PART_MAX_LENGTH = 64;
    private static final int DOMAIN_MAX_LENGTH = 253;
    private static final int ADDRESS_MAX_LENGTH = 254;
    private static final int DNS_LABEL_MAX_LENGTH = 63;
    private static final List<String> SPECIAL_USE_DOMAINS = List.of("arpa", "invalid", "local", "localhost", "onion",
                                                                    "test");

    private static final String NAME_CHARS = "[\\w!#$%&'*+\\-/=?^_`{|}~]";
    private static final Pattern DISPLAY_NAME_FORM = Pattern.compile(
            "\\s*(?:((?:" + NAME_CHARS + "+\\s+)*" + NAME_CHARS + "+)|\"((?:[^\"]|\\\")+)\")?\\s*<(.+)>\\s*",
            Pattern.UNICODE_CHARACTER_CLASS | Pattern.DOTALL);
    private static final String ATEXT = "a-zA-Z0-9_!#$%&'*+\\-/=?^`{|}~";
    private static final Pattern DOT_ATOM = Pattern.compile("[" + ATEXT + "]+(?:\\.[" + ATEXT + "]+)*");
    private static final Pattern DOT_ATOM_INTL =
            Pattern.compile("[" + ATEXT + "\\x{80}-\\x{10FFFF}]+(?:\\.[" + ATEXT + "\\x{80}-\\x{10FFFF}]+)*");
    private static final Pattern ATEXT_INTL_CHAR = Pattern.compile("[." + ATEXT + "\\x{80}-\\x{10FFFF}]");
    private static final Pattern HOSTNAME_INTL_CHAR = Pattern.compile("[a-zA-Z0-9\\-._\\x{80}-\\x{10FFFF}]");
    private static final String LABEL = "[a-zA-Z0-9](?:[a-zA-Z0-9\\-]*[a-zA-Z0-9])?";
    private static final Pattern HOSTNAME = Pattern.compile("(?:" + LABEL + "\\.)*" + LABEL);
    private static final Pattern RESERVED_LDH_LABEL = Pattern.compile("(?!xn)..--.*", Pattern.CASE_INSENSITIVE);

    private EmailAddress() {
    }

    /** Why a text is not an e-mail address (email-validator's words). */
    public static final class InvalidEmailException extends Exception {

        InvalidEmailException(String reason) {
            super(reason, null, false, false);
        }
    }

    /** The normalised address, or the reason it is not one. */
    public static String normalize(String value) throws InvalidEmailException {
        if (value.codePointCount(0, value.length()) > MAX_INPUT_LENGTH) {
            throw new InvalidEmailException("Length must not exceed " + MAX_INPUT_LENGTH + " characters");
        }
        Matcher displayName = DISPLAY_NAME_FORM.matcher(value);
        String address = (displayName.matches() ? displayName.group(3) : value).strip();
        int at = address.indexOf('@');
        if (at < 0) {
            throw new InvalidEmailException("An email address must have an @-sign.");
        }
        String local = localPart(address.substring(0, at));
        String domain = domain(address.substring(at + 1));
        String normalized = local + "@" + domain;
        if (normalized.length() > ADDRESS_MAX_LENGTH) {
            throw new InvalidEmailException("The email address is too long " + tooMany(normalized, ADDRESS_MAX_LENGTH)
                                            + ".");
        }
        return normalized;
    }

    private static String localPart(String local) throws InvalidEmailException {
        if (local.isEmpty()) {
            throw new InvalidEmailException("There must be something before the @-sign.");
        }
        if (length(local) > LOCAL_PART_MAX_LENGTH) {
            throw new InvalidEmailException("The email address is too long before the @-sign "
                                            + tooMany(local, LOCAL_PART_MAX_LENGTH) + ".");
        }
        if (DOT_ATOM.matcher(local).matches()) {
            return local;
        }
        if (DOT_ATOM_INTL.matcher(local).matches()) {
            String normalized = Normalizer.normalize(local, Normalizer.Form.NFC);
            rejectUnsafe(normalized);
            return normalized;
        }
        TreeSet<String> bad = new TreeSet<>();
        local.codePoints().filter(cp -> !ATEXT_INTL_CHAR.matcher(Character.toString(cp)).matches())
                .forEach(cp -> bad.add(display(cp)));
        if (!bad.isEmpty()) {
            throw new InvalidEmailException("The email address contains invalid characters before the @-sign: "
                                            + String.join(", ", bad) + ".");
        }
        checkDots(local, "An email address cannot start with a %s.",
                  "An email address cannot have a %s immediately before the @-sign.", false);
        throw new InvalidEmailException("The email address contains invalid characters before the @-sign.");
    }

    private static String domain(String domain) throws InvalidEmailException {
        if (domain.isEmpty()) {
            throw new InvalidEmailException("There must be something after the @-sign.");
        }
        TreeSet<String> bad = new TreeSet<>();
        domain.codePoints().filter(cp -> !HOSTNAME_INTL_CHAR.matcher(Character.toString(cp)).matches())
                .forEach(cp -> bad.add(display(cp)));
        if (!bad.isEmpty()) {
            throw new InvalidEmailException("The part after the @-sign contains invalid characters: "
                                            + String.join(", ", bad) + ".");
        }
        rejectUnsafe(domain);
        String lower = Normalizer.normalize(domain.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        checkDots(lower, "An email address cannot have a %s immediately after the @-sign.",
                  "An email address cannot end with a %s.", true);
        for (String label : lower.split("\\.")) {
            if (RESERVED_LDH_LABEL.matcher(label).matches()) {
                throw new InvalidEmailException("An email address cannot have two letters followed by two dashes"
                                                + " immediately after the @-sign or after a period, except Punycode.");
            }
        }
        String ascii = lower;
        if (!HOSTNAME.matcher(lower).matches()) {
            try {
                ascii = IDN.toASCII(lower, IDN.USE_STD3_ASCII_RULES);
            } catch (IllegalArgumentException e) {
                throw new InvalidEmailException("The part after the @-sign contains invalid characters ("
                                                + e.getMessage() + ").");
            }
        }
        if (ascii.length() > DOMAIN_MAX_LENGTH) {
            throw new InvalidEmailException("The email address is too long after the @-sign "
                                            + tooMany(ascii, DOMAIN_MAX_LENGTH) + ".");
        }
        for (String label : ascii.split("\\.")) {
            if (label.length() > DNS_LABEL_MAX_LENGTH) {
                throw new InvalidEmailException("After the @-sign, periods cannot be separated by so many characters "
                                                + tooMany(label, DNS_LABEL_MAX_LENGTH) + ".");
            }
        }
        if (!ascii.contains(".")) {
            throw new InvalidEmailException("The part after the @-sign is not valid. It should have a period.");
        }
        if (!Character.isLetter(ascii.charAt(ascii.length() - 1))) {
            throw new InvalidEmailException("The part after the @-sign is not valid. It is not within a valid "
                                            + "top-level domain.");
        }
        for (String special : SPECIAL_USE_DOMAINS) {
            if (ascii.equals(special) || ascii.endsWith("." + special)) {
                throw new InvalidEmailException("The part after the @-sign is a special-use or reserved name that "
                                                + "cannot be used with email.");
            }
        }
        return IDN.toUnicode(ascii);
    }

    private static void checkDots(String label, String start, String end, boolean hostname)
            throws InvalidEmailException {
        if (label.endsWith(".")) {
            throw new InvalidEmailException(end.formatted("period"));
        }
        if (label.startsWith(".")) {
            throw new InvalidEmailException(start.formatted("period"));
        }
        if (label.contains("..")) {
            throw new InvalidEmailException("An email address cannot have two periods in a row.");
        }
        if (hostname) {
            if (label.endsWith("-")) {
                throw new InvalidEmailException(end.formatted("hyphen"));
            }
            if (label.startsWith("-")) {
                throw new InvalidEmailException(start.formatted("hyphen"));
            }
            if (label.contains(".-") || label.contains("-.")) {
                throw new InvalidEmailException("An email address cannot have a period and a hyphen next to each "
                                                + "other.");
            }
        }
    }

    private static void rejectUnsafe(String text) throws InvalidEmailException {
        TreeSet<String> unsafe = new TreeSet<>();
        int[] codePoints = text.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            int type = Character.getType(codePoints[i]);
            boolean mark = type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK
                           || type == Character.COMBINING_SPACING_MARK;
            boolean separatorOrOther = type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
                                       || type == Character.PARAGRAPH_SEPARATOR || type == Character.CONTROL
                                       || type == Character.FORMAT || type == Character.SURROGATE
                                       || type == Character.PRIVATE_USE || type == Character.UNASSIGNED;
            if ((mark && i == 0) || separatorOrOther) {
                unsafe.add(display(codePoints[i]));
            }
        }
        if (!unsafe.isEmpty()) {
            throw new InvalidEmailException("The email address contains unsafe characters: " + String.join(", ", unsafe)
                                            + ".");
        }
    }

    /** Python's display of a character in email-validator's messages: {@code '<'}, or its Unicode name. */
    private static String display(int codePoint) {
        int type = Character.getType(codePoint);
        boolean visible = Character.isLetterOrDigit(codePoint)
                          || (type >= Character.DASH_PUNCTUATION && type <= Character.OTHER_SYMBOL)
                          || type == Character.INITIAL_QUOTE_PUNCTUATION || type == Character.FINAL_QUOTE_PUNCTUATION
                          || type == Character.LETTER_NUMBER || type == Character.OTHER_NUMBER;
        if (visible) {
            String text = Character.toString(codePoint);
            if (codePoint == '\'') {
                return "\"'\"";
            }
            return "'" + (codePoint == '\\' ? "\\\\" : text) + "'";
        }
        String name = type == Character.CONTROL ? null : Character.getName(codePoint);
        return name != null ? name : String.format(codePoint <= 0xFFFF ? "U+%04X" : "U+%08X", codePoint);
    }

    private static String tooMany(String text, int limit) {
        int excess = length(text) - limit;
        return "(" + excess + " character" + (excess > 1 ? "s" : "") + " too many)";
    }

    private static int length(String text) {
        return text.codePointCount(0, text.length());
    }
}
