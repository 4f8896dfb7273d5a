package io.fullstackhelidon.web.validation;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.helidon.webserver.http.ServerRequest;

/**
 * Collects the validation issues of one request (path, then query, then body, as FastAPI orders them) so that the
 * client gets all of them in one 422 answer.
 */
public final class Validation {

    private static final BigInteger LONG_MAX = BigInteger.valueOf(Long.MAX_VALUE);

    private final List<ValidationIssue> issues = new ArrayList<>();

    /** The UUID in path parameter {@code name}; {@code null} (with an issue) when it is not one. */
    public UUID pathUuid(ServerRequest request, String name) {
        String text = request.path().pathParameters().get(name);
        try {
            return UuidText.parse(text);
        } catch (UuidText.InvalidUuidException e) {
            issues.add(new ValidationIssue("uuid_parsing", List.of("path", name),
                                           "Input should be a valid UUID, " + e.getMessage(), text,
                                           Map.of("error", e.getMessage())));
            return null;
        }
    }

    /**
     * A non-negative integer query parameter (the last value when repeated), or {@code fallback} when absent.
     * Negative or out-of-range values are refused here rather than failing in the database.
     */
    public long queryCount(ServerRequest request, String name, long fallback) {
        List<String> values = request.query().all(name, List::of);
        if (values.isEmpty()) {
            return fallback;
        }
        String text = values.getLast();
        List<Object> loc = List.of("query", name);
        BigInteger value;
        try {
            value = new BigInteger(text.strip().replace("_", ""));
        } catch (NumberFormatException e) {
            issues.add(ValidationIssue.of("int_parsing", loc,
                                          "Input should be a valid integer, unable to parse string as an integer",
                                          text));
            return fallback;
        }
        if (value.signum() < 0) {
            issues.add(new ValidationIssue("greater_than_equal", loc, "Input should be greater than or equal to 0", text,
                                           Map.of("ge", 0)));
            return fallback;
        }
        if (value.compareTo(LONG_MAX) > 0) {
            issues.add(new ValidationIssue("less_than_equal", loc,
                                           "Input should be less than or equal to " + Long.MAX_VALUE, text,
                                           Map.of("le", Long.MAX_VALUE)));
            return fallback;
        }
        return value.longValue();
    }

    /** A required e-mail address query parameter (the last value when repeated), normalised. */
    public String queryEmail(ServerRequest request, String name) {
        List<String> values = request.query().all(name, List::of);
        List<Object> loc = List.of("query", name);
        if (values.isEmpty()) {
            issues.add(ValidationIssue.of("missing", loc, "Field required", null));
            return null;
        }
        String text = values.getLast();
        try {
            return EmailAddress.normalize(text);
        } catch (EmailAddress.InvalidEmailException e) {
            issues.add(new ValidationIssue("value_error", loc, "value is not a valid email address: " + e.getMessage(),
                                           text, Map.of("reason", e.getMessage())));
            return null;
        }
    }

    /** The fields of a JSON object body; records the body-level issue when there is no object to read. */
    public ObjectFields body(JsonBody body) {
        return ObjectFields.of(body, this);
    }

    void add(ValidationIssue issue) {
        issues.add(issue);
    }

    int issueCount() {
        return issues.size();
    }

    /** Throws every issue collected so far as one 422. */
    public void throwIfInvalid() {
        if (!issues.isEmpty()) {
            throw new RequestValidationException(issues);
        }
    }
}
