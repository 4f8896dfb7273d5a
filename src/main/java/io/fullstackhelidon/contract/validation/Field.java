package io.fullstackhelidon.contract.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One field of a request body: its name, type and constraints, declared once. The same declaration validates the
 * field with Pydantic's (lax mode) rules and messages and describes it in the OpenAPI document.
 *
 * @param <T> the Java type of its value
 */
public final class Field<T> {

    /** No length limit. */
    public static final int UNLIMITED = Integer.MAX_VALUE;
    private static final int EMAIL_MAX_LENGTH = 255;
    private static final Set<String> TRUE_WORDS = Set.of("true", "1", "yes", "on", "t", "y");
    private static final Set<String> FALSE_WORDS = Set.of("false", "0", "no", "off", "f", "n");

    private enum Type { STRING, EMAIL, BOOLEAN }

    private final String name;
    private final Type type;
    private final int minLength;
    private final int maxLength;
    private final boolean required;
    private final boolean nullable;
    private final T defaultValue;
    private final String exactly;
    private final String format;

    private Field(String name, Type type, int minLength, int maxLength, boolean required, boolean nullable,
                  T defaultValue, String exactly, String format) {
        this.name = Objects.requireNonNull(name, "name");
        this.type = type;
        this.minLength = minLength;
        this.maxLength = maxLength;
        this.required = required;
        this.nullable = nullable;
        this.defaultValue = defaultValue;
        this.exactly = exactly;
        this.format = format;
    }

    /** A required string of {@code min..max} characters. */
    public static Field<String> string(String name, int min, int max) {
        return new Field<>(name, Type.STRING, min, max, true, false, null, null, null);
    }

    /** A required e-mail address of at most 255 characters, normalised as {@code EmailStr} does. */
    public static Field<String> email(String name) {
        return new Field<>(name, Type.EMAIL, 0, EMAIL_MAX_LENGTH, true, false, null, null, "email");
    }

    /** A required boolean, read leniently (1, "yes", "off" ...). */
    public static Field<Boolean> bool(String name) {
        return new Field<>(name, Type.BOOLEAN, 0, UNLIMITED, true, false, null, null, null);
    }

    /** The same field, which may be left out. */
    public Field<T> optional() {
        return new Field<>(name, type, minLength, maxLength, false, nullable, defaultValue, exactly, format);
    }

    /** The same field, which may be left out and may be {@code null}. */
    public Field<T> nullable() {
        return new Field<>(name, type, minLength, maxLength, false, true, defaultValue, exactly, format);
    }

    /** The same field, taking {@code value} when left out. */
    public Field<T> withDefault(T value) {
        return new Field<>(name, type, minLength, maxLength, false, nullable, Objects.requireNonNull(value), exactly,
                           format);
    }

    /** The same string field, which must be exactly {@code value} when given (a {@code ^value$} pattern). */
    public Field<T> exactly(String value) {
        return new Field<>(name, type, minLength, maxLength, required, nullable, defaultValue, value, format);
    }

    /** The same field with an OpenAPI {@code format} (such as {@code password}) that changes nothing else. */
    public Field<T> format(String value) {
        return new Field<>(name, type, minLength, maxLength, required, nullable, defaultValue, exactly, value);
    }

    public String name() {
        return name;
    }

    public boolean required() {
        return required;
    }

    T defaultValue() {
        return defaultValue;
    }

    /** Reads the field from a JSON object. */
    Patch<T> read(JsonNode object, Issues issues) {
        if (!object.has(name)) {
            if (required) {
                Scalars.missing(loc(), object, issues);
            }
            return Patch.absent();
        }
        JsonNode node = object.get(name);
        if (nullable && node.isNull()) {
            return Patch.of(null);
        }
        Object value = switch (type) {
            case STRING -> text(node, issues);
            case EMAIL -> {
                String text = text(node, issues);
                yield text == null ? null : Scalars.email(text, loc(), issues);
            }
            case BOOLEAN -> bool(node, issues);
        };
        return value == null ? Patch.absent() : Patch.of(cast(value));
    }

    /** Reads the field from the fields of an HTML form, where an empty value counts as missing (as in FastAPI). */
    Patch<T> read(Map<String, String> form, Issues issues) {
        String value = form.get(name);
        if (value == null || value.isEmpty()) {
            if (required) {
                Scalars.missing(loc(), null, issues);
            }
            return Patch.absent();
        }
        if (exactly != null && !value.equals(exactly)) {
            String pattern = "^" + exactly + "$";
            issues.add(new ValidationIssue("string_pattern_mismatch", loc(), "String should match pattern '" + pattern
                                                                             + "'", value, Map.of("pattern", pattern)));
        }
        return Patch.of(cast(value));
    }

    /** The field's OpenAPI schema. */
    Map<String, Object> schema() {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", type == Type.BOOLEAN ? "boolean" : "string");
        if (format != null) {
            schema.put("format", format);
        }
        if (exactly != null) {
            schema.put("pattern", "^" + exactly + "$");
        }
        if (minLength > 0) {
            schema.put("minLength", minLength);
        }
        if (maxLength < UNLIMITED) {
            schema.put("maxLength", maxLength);
        }
        if (nullable) {
            schema.put("nullable", true);
        }
        if (defaultValue != null) {
            schema.put("default", defaultValue);
        }
        schema.put("title", title(name));
        return schema;
    }

    @SuppressWarnings("unchecked")
    private T cast(Object value) {
        return (T) value;
    }

    private String text(JsonNode node, Issues issues) {
        if (!node.isTextual()) {
            issues.add(ValidationIssue.of("string_type", loc(), "Input should be a valid string", node));
            return null;
        }
        String value = node.textValue();
        if (value.indexOf('\u0000') >= 0) {
            // PostgreSQL cannot store NUL in text; refused here rather than failing in the database
            issues.add(new ValidationIssue("value_error", loc(), "Value error, NUL characters are not allowed", value,
                                           Map.of("error", "NUL characters are not allowed")));
            return null;
        }
        int length = value.codePointCount(0, value.length());
        if (length < minLength) {
            issues.add(new ValidationIssue("string_too_short", loc(), "String should have at least " + minLength
                                           + " character" + (minLength == 1 ? "" : "s"), value,
                                           Map.of("min_length", minLength)));
            return null;
        }
        if (length > maxLength) {
            issues.add(new ValidationIssue("string_too_long", loc(), "String should have at most " + maxLength
                                           + " character" + (maxLength == 1 ? "" : "s"), value,
                                           Map.of("max_length", maxLength)));
            return null;
        }
        return value;
    }

    private Boolean bool(JsonNode node, Issues issues) {
        Boolean value = lenientBoolean(node);
        if (value == null) {
            boolean parsable = node.isTextual() || node.isNumber();
            issues.add(ValidationIssue.of(parsable ? "bool_parsing" : "bool_type", loc(),
                                          parsable ? "Input should be a valid boolean, unable to interpret input"
                                                   : "Input should be a valid boolean", node));
        }
        return value;
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

    private List<Object> loc() {
        return List.of("body", name);
    }

    /** Pydantic's title of a field: {@code full_name} is "Full Name". */
    public static String title(String name) {
        StringBuilder title = new StringBuilder();
        for (String word : name.split("_")) {
            if (!word.isEmpty()) {
                title.append(title.isEmpty() ? "" : " ").append(Character.toUpperCase(word.charAt(0)))
                        .append(word.substring(1));
            }
        }
        return title.toString();
    }
}
