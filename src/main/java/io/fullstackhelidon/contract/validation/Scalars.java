package io.fullstackhelidon.contract.validation;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Pydantic's parsing of single text values (path and query parameters): each returns the value, or {@code null} after
 * recording the issue at {@code loc}.
 */
public final class Scalars {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private Scalars() {
    }

    public static UUID uuid(String text, List<Object> loc, Issues issues) {
        try {
            return UuidText.parse(text);
        } catch (UuidText.InvalidUuidException e) {
            issues.add(new ValidationIssue("uuid_parsing", loc, "Input should be a valid UUID, " + e.getMessage(), text,
                                           Map.of("error", e.getMessage())));
            return null;
        }
    }

    /** A non-negative integer that fits a {@code long}: negative or huge values are refused, not sent to the database. */
    public static Long count(String text, List<Object> loc, Issues issues) {
        BigInteger value;
        try {
            value = new BigInteger(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            issues.add(ValidationIssue.of("int_parsing", loc,
                                          "Input should be a valid integer, unable to parse string as an integer",
                                          text));
            return null;
        }
        if (value.signum() < 0) {
            issues.add(new ValidationIssue("greater_than_equal", loc, "Input should be greater than or equal to 0", text,
                                           Map.of("ge", 0)));
            return null;
        }
        if (value.compareTo(LONG_MAX) > 0) {
            issues.add(new ValidationIssue("less_than_equal", loc,
                                           "Input should be less than or equal to " + Long.MAX_VALUE, text,
                                           Map.of("le", Long.MAX_VALUE)));
            return null;
        }
        return value.longValue();
    }

    /** The normalised e-mail address. */
    public static String email(String text, List<Object> loc, Issues issues) {
        try {
            return EmailAddress.normalize(text);
        } catch (EmailAddress.InvalidEmailException e) {
            issues.add(new ValidationIssue("value_error", loc, "value is not a valid email address: " + e.getMessage(),
                                           text, Map.of("reason", e.getMessage())));
            return null;
        }
    }

    /** Records that a required value is not there. */
    public static void missing(List<Object> loc, Object input, Issues issues) {
        issues.add(ValidationIssue.of("missing", loc, "Field required", input));
    }
}
