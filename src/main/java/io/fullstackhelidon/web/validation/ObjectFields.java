package io.fullstackhelidon.web.validation;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/**
 * Typed reads of the fields of a JSON object body with Pydantic's (lax mode) rules and error shapes. A read that
 * fails records an issue and returns {@code null}; a model is built only when {@link #valid()} holds.
 */
public final class ObjectFields {

    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "off", "f", "n");

    private final JsonNode object;
    private final Validation validation;
    private final int issuesBefore;

    private ObjectFields(JsonNode object, Validation validation) {
        this.object = object;
        this.validation = validation;
        this.issuesBefore = validation.issueCount();
    }

    static ObjectFields of(JsonBody body, Validation validation) {
        switch (body) {
            case JsonBody.Absent absent -> validation.add(ValidationIssue.of(
                    "missing", List.of("body"), "Field required", null));
            case JsonBody.Unparsed unparsed -> validation.add(notAnObject(unparsed.text()));
            case JsonBody.Document document -> {
                if (document.node().isObject()) {
                    return new ObjectFields(document.node(), validation);
                }
                validation.add(notAnObject(document.node()));
            }
        }
        return new ObjectFields(null, validation);
    }

    /** Whether a body object was there and every field read so far was valid. */
    public boolean valid() {
        return object != null && validation.issueCount() == issuesBefore;
    }

    /** A required string of {@code min..max} characters. */
    public String string(String name, int min, int max) {
        if (!has(name)) {
            missing(name);
            return null;
        }
        return text(name, min, max);
    }

    /** An optional string; a JSON {@code null} is accepted only when {@code nullable}. */
    public Patch<String> optionalString(String name, int min, int max, boolean nullable) {
        if (!has(name)) {
            return Patch.absent();
        }
        if (nullable && object.get(name).isNull()) {
            return Patch.of(null);
        }
        String value = text(name, min, max);
        return value == null ? Patch.absent() : Patch.of(value);
    }

    /** A required e-mail address (at most 255 characters), normalised. */
    public String email(String name) {
        if (!has(name)) {
            missing(name);
            return null;
        }
        return emailText(name);
    }

    /** An optional e-mail address; a JSON {@code null} is accepted only when {@code nullable}. */
    public Patch<String> optionalEmail(String name, boolean nullable) {
        if (!has(name)) {
            return Patch.absent();
        }
        if (nullable && object.get(name).isNull()) {
            return Patch.of(null);
        }
        String value = emailText(name);
        return value == null ? Patch.absent() : Patch.of(value);
    }

    /** A boolean, or {@code fallback} when absent. */
    public boolean bool(String name, boolean fallback) {
        Patch<Boolean> value = optionalBool(name);
        return value.present() ? value.value() : fallback;
    }

    /** An optional, non-null boolean. */
    public Patch<Boolean> optionalBool(String name) {
        if (!has(name)) {
            return Patch.absent();
        }
        JsonNode node = object.get(name);
        Boolean value = lenientBoolean(node);
        if (value == null) {
            boolean parsable = node.isTextual() || node.isNumber();
            validation.add(ValidationIssue.of(parsable ? "bool_parsing" : "bool_type", loc(name),
                                              parsable
                                                      ? "Input should be a valid boolean, unable to interpret input"
                                                      : "Input should be a valid boolean",
                                              node));
            return Patch.absent();
        }
        return Patch.of(value);
    }

    private boolean has(String name) {
        return object != null && object.has(name);
    }

    private String text(String name, int min, int max) {
        JsonNode node = object.get(name);
        if (!node.isTextual()) {
            validation.add(ValidationIssue.of("string_type", loc(name), "Input should be a valid string", node));
            return null;
        }
        String value = node.textValue();
        if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store NUL in text; refused here rather than failing in the database
            validation.add(new ValidationIssue("value_error", loc(name), "Value error, NUL characters are not allowed",
                                               value, Map.of("error", "NUL characters are not allowed")));
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < min) {
            validation.add(new ValidationIssue("string_too_short", loc(name),
                                               "String should have at least " + min + " character" + (min == 1 ? "" : "s"),
                                               value, Map.of("min_length", min)));
            return null;
        }
        if (length > max) {
            validation.add(new ValidationIssue("string_too_long", loc(name),
                                               "String should have at most " + max + " character" + (max == 1 ? "" : "s"),
                                               value, Map.of("max_length", max)));
            return null;
        }
        return value;
    }

    private String emailText(String name) {
        String value = text(name, 0, 255);
        if (value == null) {
            return null;
        }
        try {
            return EmailAddress.normalize(value);
        } catch (EmailAddress.InvalidEmailException e) {
            validation.add(new ValidationIssue("value_error", loc(name),
                                               "value is not a valid email address: " + e.getMessage(), value,
                                               Map.of("reason", e.getMessage())));
            return null;
        }
    }

    private void missing(String name) {
        if (object == null) {
            return; // the body-level issue already says it all
        }
        validation.add(ValidationIssue.of("missing", loc(name), "Field required", object));
    }

    private static Boolean lenientBoolean(JsonNode node) {
        if (node.isBoolean()) {
            return node.booleanValue();
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            long number = node.longValue();
            return number == 1 ? Boolean.TRUE : number == 0 ? Boolean.FALSE : null;
        }
        if (node.isTextual()) {
            String word = node.textValue().strip().toLowerCase(Locale.ROOT);
            return TRUE_WORDS.contains(word) ? Boolean.TRUE : FALSE_WORDS.contains(word) ? Boolean.FALSE : null;
        }
        return null;
    }

    private static ValidationIssue notAnObject(Object input) {
        return ValidationIssue.of("model_attributes_type", List.of("body"),
                                  "Input should be a valid dictionary or object to extract fields from",
                                  input instanceof JsonNode node ? node : JsonNodeFactory.instance.textNode(
                                          String.valueOf(input)));
    }

    private static List<Object> loc(String name) {
        return List.of("body", name);
    }
}
